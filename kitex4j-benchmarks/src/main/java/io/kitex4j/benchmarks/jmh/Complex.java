package io.kitex4j.benchmarks.jmh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The nested struct of the codec benchmarks, as plain generated-style classes:
 * <pre>
 * struct Item {
 *   1: i64 id
 *   2: string name
 *   3: double price
 *   4: bool available
 *   5: list&lt;string&gt; tags
 * }
 * struct Complex {
 *   1: i32 id
 *   2: string title
 *   3: i64 timestamp
 *   4: Item main
 *   5: list&lt;Item&gt; items
 *   6: map&lt;string, i64&gt; counters
 *   7: set&lt;i32&gt; codes
 *   8: binary blob
 *   9: map&lt;i32, Item&gt; byId
 *  10: i16 flags
 *  11: double ratio
 * }
 * </pre>
 * Both codecs ({@link ComplexKitex4jCodec}, {@link ComplexLibThriftCodec}) read and write these same classes.
 */
public final class Complex {
    public int id;
    public String title;
    public long timestamp;
    public Item main;
    public List<Item> items;
    public Map<String, Long> counters;
    public Set<Integer> codes;
    public byte[] blob;
    public Map<Integer, Item> byId;
    public short flags;
    public double ratio;

    /** {@code struct Item}. */
    public static final class Item {
        public long id;
        public String name;
        public double price;
        public boolean available;
        public List<String> tags;

        @Override
        public boolean equals(Object o) {
            return o instanceof Item i && id == i.id && Objects.equals(name, i.name) && price == i.price
                    && available == i.available && Objects.equals(tags, i.tags);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id);
        }
    }

    /** A representative instance: 10 items of 3 tags, 10 counters, 10 codes, a 64-byte blob, 5 items by id. */
    public static Complex sample() {
        Complex c = new Complex();
        c.id = 42;
        c.title = "a moderately long title for a complex nested struct";
        c.timestamp = 1_700_000_000_123L;
        c.main = item(0);
        c.items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            c.items.add(item(i + 1));
        }
        c.counters = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            c.counters.put("counter-" + i, 1_000_000L * i + i);
        }
        c.codes = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            c.codes.add(i * 7919);
        }
        c.blob = new byte[64];
        for (int i = 0; i < c.blob.length; i++) {
            c.blob[i] = (byte) i;
        }
        c.byId = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            c.byId.put(100 + i, item(100 + i));
        }
        c.flags = 7;
        c.ratio = 0.75;
        return c;
    }

    private static Item item(int i) {
        Item it = new Item();
        it.id = 10_000L + i;
        it.name = "item-" + i;
        it.price = 9.99 + i;
        it.available = i % 2 == 0;
        it.tags = List.of("red", "large", "tag-" + i);
        return it;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Complex c && id == c.id && Objects.equals(title, c.title) && timestamp == c.timestamp
                && Objects.equals(main, c.main) && Objects.equals(items, c.items) && Objects.equals(counters, c.counters)
                && Objects.equals(codes, c.codes) && java.util.Arrays.equals(blob, c.blob) && Objects.equals(byId, c.byId)
                && flags == c.flags && ratio == c.ratio;
    }

    @Override
    public int hashCode() {
        return id;
    }
}
