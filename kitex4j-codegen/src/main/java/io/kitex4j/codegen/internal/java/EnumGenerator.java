package io.kitex4j.codegen.internal.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.kitex4j.codegen.thrift.model.EnumDef;
import io.kitex4j.codegen.thrift.model.EnumValue;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A Java enum per IDL enum: {@code getValue()} and a static {@code findByValue(int)} that returns
 * {@code null} for a number the IDL does not define (the first declared name wins when two share
 * a number). An IDL enum without values becomes a final class with the same two methods.
 */
final class EnumGenerator {
    private EnumGenerator() {}

    /** The Java name of an enum constant: the IDL name, escaped. */
    static String constantName(EnumValue v) {
        return Names.escape(v.name());
    }

    static TypeSpec generate(GenContext ctx, EnumDef e) {
        ClassName cls = ctx.className(e);
        String file = e.program().path().getFileName().toString();
        Names.Scope members = new Names.Scope();
        e.values().forEach(v -> members.reserve(constantName(v)));
        String valueField = members.allocate("value");
        // A value whose IDL name is a Java keyword is renamed (volatile_); toString() then gives the IDL name.
        boolean renamed = e.values().stream().anyMatch(v -> !constantName(v).equals(v.name()));
        String nameField = renamed ? members.allocate("idlName") : null;
        // The parameter must neither obscure a type named like it nor be confused with a constant.
        Names.Scope params = ctx.scope();
        e.values().forEach(v -> params.reserve(constantName(v)));
        String param = params.allocate("value");
        String doc = Text.docParagraph(e.doc())
                + "Thrift enum {@code " + Text.javadoc(e.name()) + "} (" + Text.javadoc(file) + ").\n"
                + "Struct fields of this type store the raw number, so a number this enum does not define\n"
                + "survives decoding and re-encoding; {@link #findByValue(int)} returns {@code null} for it.\n";
        TypeSpec.Builder b;
        if (e.values().isEmpty()) {
            b = TypeSpec.classBuilder(cls.simpleName()).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        } else {
            b = TypeSpec.enumBuilder(cls.simpleName()).addModifiers(Modifier.PUBLIC);
            for (EnumValue v : e.values()) {
                TypeSpec.Builder c = renamed
                        ? TypeSpec.anonymousClassBuilder("$L, $L", v.value(), Text.literal(v.name()))
                        : TypeSpec.anonymousClassBuilder("$L", v.value());
                v.doc().filter(d -> !d.isBlank()).ifPresent(d -> c.addJavadoc("$L\n", Text.javadoc(d)));
                b.addEnumConstant(constantName(v), c.build());
            }
        }
        b.addJavadoc("$L", doc).addAnnotation(JavaGenerator.generatedAnnotation());
        b.addField(TypeName.INT, valueField, Modifier.PRIVATE, Modifier.FINAL);
        MethodSpec.Builder ctor = MethodSpec.constructorBuilder()
                .addParameter(TypeName.INT, param)
                .addStatement("this.$L = $L", valueField, param);
        if (renamed) {
            String nameParam = params.allocate("idlName");
            b.addField(String.class, nameField, Modifier.PRIVATE, Modifier.FINAL);
            ctor.addParameter(String.class, nameParam).addStatement("this.$L = $L", nameField, nameParam);
            b.addMethod(MethodSpec.methodBuilder("toString")
                    .addJavadoc("The name in the IDL (some constants are renamed because their IDL name is a Java keyword).\n")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement("return this.$L", nameField)
                    .build());
        }
        if (e.values().isEmpty()) {
            ctor.addModifiers(Modifier.PRIVATE);
        }
        b.addMethod(ctor.build());
        b.addMethod(MethodSpec.methodBuilder("getValue")
                .addJavadoc("The number on the wire.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(TypeName.INT)
                .addStatement("return this.$L", valueField)
                .build());
        CodeBlock.Builder find = CodeBlock.builder();
        if (e.values().isEmpty()) {
            find.addStatement("return null");
        } else {
            find.beginControlFlow("switch ($L)", param);
            Set<Integer> seen = new HashSet<>();
            for (EnumValue v : e.values()) {
                if (seen.add(v.value())) {
                    // Unqualified: inside the enum a constant named like the enum would obscure the type name.
                    find.add("case $L:\n", v.value()).indent().addStatement("return $L", constantName(v)).unindent();
                }
            }
            find.add("default:\n").indent().addStatement("return null").unindent();
            find.endControlFlow();
        }
        b.addMethod(MethodSpec.methodBuilder("findByValue")
                .addJavadoc("The constant with number {@code $L}, or {@code null} if this enum defines none.\n", param)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(cls)
                .addParameter(TypeName.INT, param)
                .addCode(find.build())
                .build());
        return b.build();
    }
}
