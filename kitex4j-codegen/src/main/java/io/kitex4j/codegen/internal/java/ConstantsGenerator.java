package io.kitex4j.codegen.internal.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.kitex4j.codegen.thrift.model.Const;
import io.kitex4j.codegen.thrift.model.IdlProgram;
import javax.lang.model.element.Modifier;

/**
 * {@code <Program>Constants}: a final class with a {@code public static final} field per
 * {@code const}, named as in the IDL (escaped). Primitives and strings are compile-time constants;
 * lists, sets and maps are unmodifiable (sets and maps keep the IDL's order); struct constants are
 * instances built with the fluent setters. References to other constants are inlined, references
 * to enum values become the enum constant.
 */
final class ConstantsGenerator {
    private ConstantsGenerator() {}

    static TypeSpec generate(GenContext ctx, IdlProgram program) {
        ClassName cls = ClassName.get(program.javaPackage(), GenContext.constantsClassName(program));
        String file = program.path().getFileName().toString();
        TypeSpec.Builder b = TypeSpec.classBuilder(cls).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("The constants of {@code $L}.\n", Text.javadoc(file))
                .addAnnotation(JavaGenerator.generatedAnnotation())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        Names.Scope names = ctx.scope();
        Names.Scope locals = ctx.scope();
        for (Const c : program.consts()) {
            locals.reserve(Names.escape(c.name()), Names.escape(c.name()) + "_");
        }
        CodeBlock.Builder staticBlock = CodeBlock.builder();
        ConstExpressions consts = new ConstExpressions(ctx, staticBlock, locals, false);
        for (Const c : program.consts()) {
            String name = names.allocate(Names.escape(c.name()));
            FieldSpec.Builder f = FieldSpec.builder(ctx.javaType(c.type()), name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL);
            f.addJavadoc("$L", Text.docParagraph(c.doc())
                    + "{@code " + Text.code(c.type().idlName()) + " " + Text.code(c.name()) + "}.\n");
            CodeBlock.Builder prelude = CodeBlock.builder();
            CodeBlock value = consts.into(prelude).expr(c.type(), c.value());
            if (prelude.isEmpty()) {
                f.initializer(value);
            } else {
                staticBlock.add(prelude.build());
                staticBlock.addStatement("$L = $L", name, value);
            }
            b.addField(f.build());
        }
        if (!staticBlock.isEmpty()) {
            b.addStaticBlock(staticBlock.build());
        }
        return b.build();
    }
}
