package drivers;

import static drivers.Wire.assertRoundTrips;
import static drivers.Wire.decode;
import static drivers.Wire.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import drivers.Wire.Protocol;
import io.kitex4j.example.annotated.Annotated;
import io.kitex4j.example.annotated.AnnotatedUnion;
import io.kitex4j.example.annotated.Status;
import io.kitex4j.example.base.BaseConstants;
import io.kitex4j.example.base.ErrorCode;
import io.kitex4j.example.base.Paging;
import io.kitex4j.example.base.ServiceException;
import io.kitex4j.example.constants.Choice;
import io.kitex4j.example.constants.ConstantsConstants;
import io.kitex4j.example.constants.Defaults;
import io.kitex4j.example.constants.Level;
import io.kitex4j.example.constants.Limits;
import io.kitex4j.example.keywords.KeywordsConstants;
import io.kitex4j.example.keywords.ThriftWords;
import io.kitex4j.example.keywords.class_;
import io.kitex4j.example.keywords.switch_;
import io.kitex4j.example.keywords.synchronized_;
import io.kitex4j.example.keywords.throwable;
import io.kitex4j.example.nesting.BinaryOp;
import io.kitex4j.example.nesting.Company;
import io.kitex4j.example.nesting.Deep;
import io.kitex4j.example.nesting.Expr;
import io.kitex4j.example.nesting.Leaf;
import io.kitex4j.example.nesting.Park;
import io.kitex4j.example.nesting.Person;
import io.kitex4j.example.nesting.TreeNode;
import io.kitex4j.example.order.LineItem;
import io.kitex4j.example.order.Order;
import io.kitex4j.example.order.OrderState;
import io.kitex4j.example.shared.Currency;
import io.kitex4j.example.shared.Money;
import io.kitex4j.example.shared.SharedConstants;
import io.kitex4j.example.user.Contact;
import io.kitex4j.example.user.User;
import io.kitex4j.example.user.UserStatus;
import io.kitex4j.thrift.ThriftProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Behaviour of the classes generated from the corpus IDLs. */
public final class CorpusBehaviour {
    private CorpusBehaviour() {}

    public static void constantsHaveTheirIdlValuesInUnmodifiableCollections() {
        assertThat(ConstantsConstants.TINY).isEqualTo((byte) -128);
        assertThat(ConstantsConstants.SHORT_MAX).isEqualTo((short) 32767);
        assertThat(ConstantsConstants.HEX).isEqualTo(0x7FFFFFFF);
        assertThat(ConstantsConstants.NEG_HEX).isEqualTo(-16);
        assertThat(ConstantsConstants.SMALLEST).isEqualTo(Long.MIN_VALUE);
        assertThat(ConstantsConstants.AVOGADRO).isEqualTo(6.022e23);
        assertThat(ConstantsConstants.HALF).isEqualTo(0.5);
        assertThat(ConstantsConstants.FROM_INT).isEqualTo(2.0);
        assertThat(ConstantsConstants.ONE_IS_TRUE).isTrue();
        assertThat(ConstantsConstants.DQ).isEqualTo("double \"quoted\"\n\ttab");
        assertThat(ConstantsConstants.SQ).isEqualTo("single 'quoted' with \"double\" inside");
        assertThat(ConstantsConstants.BACKSLASH).isEqualTo("C:\\path\\file");
        assertThat(ConstantsConstants.BYTES).isEqualTo("raw bytes".getBytes(StandardCharsets.UTF_8));
        assertThat(ConstantsConstants.ID).isEqualTo(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"));
        assertThat(ConstantsConstants.PRIMES).containsExactly(2, 3, 5, 7, 11);
        assertThat(ConstantsConstants.TAGS).containsExactly("x", "y");
        assertThat(ConstantsConstants.AGES).containsExactly(Map.entry("alice", 30), Map.entry("bob", 25));
        assertThat(ConstantsConstants.NESTED.get(2)).containsExactly("b", "c");
        assertThat(ConstantsConstants.NESTED.get(3)).isEmpty();
        assertThat(ConstantsConstants.DEFAULT_LEVEL).isEqualTo(Level.MEDIUM);
        assertThat(ConstantsConstants.NUMERIC_LEVEL).isEqualTo(Level.HIGH);
        assertThat(ConstantsConstants.LEVEL_AS_INT).isEqualTo(10);
        assertThat(ConstantsConstants.ALIAS).isEqualTo(ConstantsConstants.HEX);
        assertThat(ConstantsConstants.LIMITS).isEqualTo(new Limits().setMin(1).setMax(0x7FFFFFFF).setLevel(Level.LOW));
        assertThat(ConstantsConstants.LIMIT_LIST).containsExactly(ConstantsConstants.LIMITS, new Limits(0, 10, null));
        assertThat(ConstantsConstants.CHOICE.getText()).isEqualTo("hello");
        assertThat(ConstantsConstants.BY_LEVEL).containsOnlyKeys(Level.LOW, Level.HIGH);
        assertThat(ConstantsConstants.FROM_INCLUDE).isEqualTo(20L);
        assertThat(ConstantsConstants.CODE).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(ConstantsConstants.EMPTY_MAP).isEmpty();
        assertThat(ConstantsConstants.FIRST_PAGE).isEqualTo(new Paging(0, 20));
        assertThat(ConstantsConstants.FORWARD).isEqualTo(ConstantsConstants.LATER);
        assertThat(BaseConstants.SERVICE_PREFIX).isEqualTo("kitex4j.");
        assertThat(SharedConstants.ZERO.getCurrency()).isEqualTo(Currency.USD);
        assertThat(SharedConstants.SYMBOLS).containsEntry(Currency.EUR, "\u20ac").containsEntry(Currency.CNY, "\u00a5");
        assertThatThrownBy(() -> ConstantsConstants.PRIMES.add(13)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ConstantsConstants.TAGS.add("z")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ConstantsConstants.AGES.put("eve", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ConstantsConstants.EMPTY_SET.add(1)).isInstanceOf(UnsupportedOperationException.class);
    }

    public static void defaultsAreAppliedByTheNoArgConstructorWithMutableContainers() {
        Defaults d = new Defaults();
        assertThat(d.getA()).isEqualTo(0x7FFFFFFF);
        assertThat(d.getLevel()).isEqualTo(Level.HIGH);
        assertThat(d.isSetLevel()).as("an enum default marks the field set (it is written, as Apache writes the non-null enum)").isTrue();
        assertThat(d.getLimits()).containsExactly(ConstantsConstants.LIMITS);
        assertThat(d.getS()).isEqualTo(ConstantsConstants.SQ);
        assertThat(d.getD()).isEqualTo(1.0);
        assertThat(d.getL()).isEqualTo(new Limits().setMin(1));
        assertThat(d.getByLevel()).containsExactly(Map.entry(Level.LOW, List.of(1, 2)), Map.entry(Level.HIGH, List.of(2, 3, 5, 7, 11)));
        assertThat(d.getFlag()).isTrue();
        assertThat(d.isSetFlag()).isFalse();
        assertThat(d.getBig()).isEqualTo(Long.MAX_VALUE);
        assertThat(d.getCode()).isEqualTo(ErrorCode.OK);
        d.getLimits().add(new Limits());
        d.getByLevel().get(Level.LOW).add(3);
        d.getByLevel().put(Level.MEDIUM, List.of());
        assertThat(new Defaults().getLimits()).hasSize(1);
        assertThat(new Defaults().getByLevel().get(Level.LOW)).containsExactly(1, 2);
        assertRoundTrips(Defaults.CODEC, new Defaults());
        assertRoundTrips(Defaults.CODEC, d);
        assertThat(new User().getStatus()).isEqualTo(UserStatus.ACTIVE);
        assertThat(new User().getContacts()).isEmpty();
        assertThat(new Money().getCurrency()).isEqualTo(Currency.USD);
        assertThat(new LineItem().getQuantity()).isEqualTo(1);
    }

    public static void unknownEnumNumbersSurviveDecodingAndReEncoding() {
        Limits limits = new Limits().setMin(1).setMax(2).setLevelValue(99);
        assertThat(limits.getLevel()).isNull();
        assertThat(limits.isSetLevel()).isTrue();
        assertThat(limits).hasToString("Limits(min=1, max=2, level=99)");
        for (Protocol p : Protocol.values()) {
            byte[] bytes = encode(Limits.CODEC, limits, p);
            Limits back = decode(Limits.CODEC, bytes, p);
            assertThat(back.getLevel()).isNull();
            assertThat(back.getLevelValue()).isEqualTo(99);
            assertThat(encode(Limits.CODEC, back, p)).isEqualTo(bytes);
            assertThat(back).isEqualTo(limits).isNotEqualTo(new Limits(1, 2, null));
        }
        assertRoundTrips(Limits.CODEC, limits);
        User u = new User().setId(1).setName("n").setStatusValue(42);
        assertThat(Wire.roundTrip(User.CODEC, u, Protocol.COMPACT).getStatusValue()).isEqualTo(42);
        assertThat(new Limits().setLevel(Level.HIGH).getLevelValue()).isEqualTo(10);
        assertThat(new Limits().setLevel(Level.HIGH).setLevel(null).isSetLevel()).isFalse();
    }

    public static void requiredFieldsOfIncludedTypesAreChecked() {
        assertThatThrownBy(() -> encode(ServiceException.CODEC, new ServiceException(), Protocol.BINARY))
                .isInstanceOf(ThriftProtocolException.class)
                .hasMessage("required field 'code' of ServiceException is unset");
        ServiceException e = new ServiceException().setCode(ErrorCode.NOT_FOUND).setMessage("gone");
        assertThat(e.getMessage()).isEqualTo("gone");
        assertRoundTrips(ServiceException.CODEC, e);
        assertThatThrownBy(() -> encode(LineItem.CODEC, new LineItem().setSku("s"), Protocol.COMPACT))
                .isInstanceOf(ThriftProtocolException.class)
                .hasMessage("required field 'unit_price' of LineItem is unset");
        LineItem item = new LineItem().setSku("s").setUnitPrice(new Money().setUnits(3));
        assertRoundTrips(LineItem.CODEC, item);
        assertThatThrownBy(() -> encode(Annotated.CODEC, new Annotated(), Protocol.BINARY))
                .hasMessage("required field 'name' of Annotated is unset");
    }

    public static void javaKeywordNamesGetAnUnderscoreButKeepTheirIdlNameOnTheWire() {
        class_ c = new class_(7, "p", true, List.of("a", "b"), 8L, 9.5, synchronized_.transient_, "i", "n");
        assertRoundTrips(class_.CODEC, c);
        assertThat(c.toString()).startsWith("class(public=7, private=p, default=true, package=[a, b], new=8, return=9.5, static=transient, import=i, null=n");
        assertThat(new class_().getStatic()).isEqualTo(synchronized_.volatile_);
        assertThat(synchronized_.findByValue(3)).isEqualTo(synchronized_.native_);
        assertThat(KeywordsConstants.final_).isEqualTo(1);
        assertThat(KeywordsConstants.instanceof_.getPublic()).isEqualTo(1);
        assertThat(KeywordsConstants.instanceof_.getDefault()).isTrue();
        assertRoundTrips(switch_.CODEC, switch_.ofCase(3));
        assertRoundTrips(switch_.CODEC, switch_.ofGoto("label"));
        assertThat(switch_.ofGoto("x").setField()).isEqualTo(switch_.Field.GOTO);
        throwable t = new throwable("this", "super");
        assertThat(t).isInstanceOf(Exception.class);
        assertRoundTrips(throwable.CODEC, t);
        ThriftWords w = new ThriftWords("type", 2, "service", List.of(1), "required", true);
        assertRoundTrips(ThriftWords.CODEC, w);
        assertThat(w.getType()).isEqualTo("type");
        assertThat(w.getEnum()).isEqualTo(2);
        assertThat(w.getOneway()).isTrue();
    }

    public static void recursiveAndMutuallyRecursiveTypesRoundTrip() {
        TreeNode root = new TreeNode().setValue("root");
        TreeNode leaf = new TreeNode("leaf", List.of(), new TreeNode().setValue("root copy"), null);
        Map<String, TreeNode> byName = new LinkedHashMap<>();
        byName.put("leaf", leaf);
        root.setChildren(List.of(leaf, new TreeNode().setValue("empty").setChildren(List.of()))).setByName(byName);
        assertRoundTrips(TreeNode.CODEC, root);

        Person ceo = new Person().setName("ceo");
        Company company = new Company("acme", List.of(new Person("worker", new Company().setName("other")), ceo), ceo);
        assertRoundTrips(Company.CODEC, company);
        assertRoundTrips(Person.CODEC, new Person("p", company));

        Expr sum = Expr.ofBinary(new BinaryOp("+", Expr.ofLiteral(1), Expr.ofSequence(List.of(Expr.ofLiteral(2),
                Expr.ofBinary(new BinaryOp("*", Expr.ofLiteral(3), Expr.ofLiteral(4)))))));
        assertRoundTrips(Expr.CODEC, sum);
        assertThat(sum.getBinary().getRight().getSequence()).hasSize(2);

        Park park = new Park().setWoods(new LinkedHashMap<>(Map.of("forest", List.of(root))));
        Map<String, List<TreeNode>> woods = park.getWoods(); // typedefs unwrap to their Java types
        assertThat(woods).containsKey("forest");
        park.setManyWoods(List.of(woods, Map.of()));
        assertRoundTrips(Park.CODEC, park);
    }

    public static void deeplyNestedContainersRoundTrip() {
        Set<Leaf> leaves = new LinkedHashSet<>(List.of(new Leaf("a"), new Leaf("b")));
        Map<Integer, Set<Leaf>> byInt = new LinkedHashMap<>(Map.of(1, leaves));
        // Binary inside a set element, at any depth, is a ByteBuffer (compared by content).
        Map<String, ByteBuffer> blobs = new LinkedHashMap<>();
        blobs.put("x", ByteBuffer.wrap(new byte[] {1, 2, 3}));
        blobs.put("empty", ByteBuffer.allocate(0));
        Set<List<Map<String, ByteBuffer>>> mixed = new LinkedHashSet<>();
        mixed.add(List.of(blobs));
        Deep deep = new Deep()
                .setTree(new LinkedHashMap<>(Map.of("t", List.of(byInt, Map.of()))))
                .setCube(List.of(List.of(List.of(List.of(1L, 2L), List.of()), List.of()), List.of()))
                .setThreeLevels(new LinkedHashMap<>(Map.of("a", Map.of("b", Map.of("c", new Leaf("deep"))))))
                .setMixed(mixed)
                .setAlternating(List.of(Map.of(5, List.of(leaves, Set.of()))));
        assertRoundTrips(Deep.CODEC, deep);
        Map<String, ByteBuffer> sameBlobs = new LinkedHashMap<>();
        sameBlobs.put("x", ByteBuffer.wrap(new byte[] {0, 1, 2, 3}, 1, 3).slice());
        sameBlobs.put("empty", ByteBuffer.wrap(new byte[0]));
        Set<List<Map<String, ByteBuffer>>> sameMixed = new LinkedHashSet<>();
        sameMixed.add(List.of(sameBlobs));
        assertThat(new Deep().setMixed(sameMixed)).isEqualTo(new Deep().setMixed(mixed))
                .hasSameHashCodeAs(new Deep().setMixed(mixed));
        assertThat(new Deep().setMixed(mixed).toString()).contains("mixed=[[{x=010203, empty=}]]");
        // equal contents are one element: the set holds one list, and writes one
        sameMixed.add(List.of(blobs));
        assertThat(sameMixed).hasSize(1);
        assertThat(Wire.roundTrip(Deep.CODEC, new Deep().setMixed(sameMixed), Protocol.COMPACT).getMixed()).hasSize(1);
    }

    public static void unionsOfIncludedAndAnnotatedTypesHoldOneField() {
        Contact c = Contact.ofEmail("a@b.c");
        c.setPhone("123");
        assertThat(c.isSetEmail()).isFalse();
        assertThat(c.getPhone()).isEqualTo("123");
        assertRoundTrips(Contact.CODEC, c);
        assertRoundTrips(AnnotatedUnion.CODEC, AnnotatedUnion.ofB(2));
        assertRoundTrips(Choice.CODEC, Choice.ofNumber(1));
        assertThatThrownBy(() -> new Choice().setText(null)).isInstanceOf(NullPointerException.class);
        User u = new User(1L, "name", new Money(5, Currency.EUR, 0), 1234L, List.of(new User().setId(2).setName("friend")),
                UserStatus.SUSPENDED, List.of(c, Contact.ofAddress(new io.kitex4j.example.user.Address().setStreet("s"))),
                new LinkedHashMap<>(Map.of(Currency.CNY, new Money().setUnits(1))));
        assertRoundTrips(User.CODEC, u);
        Order o = new Order().setId(1).setBuyer(u).setItems(List.of()).setState(OrderState.CANCELLED);
        assertRoundTrips(Order.CODEC, o);
        assertThat(new Order().getState()).isEqualTo(OrderState.CREATED);
        assertThat(new Order().getTotal()).isEqualTo(SharedConstants.ZERO);
        assertRoundTrips(Annotated.CODEC, new Annotated().setName("n").setStatus(Status.INACTIVE).setId(3L));
    }
}
