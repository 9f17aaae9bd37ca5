package dev.lexis.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HuffmanTreeTest {

    /*
     * Counts {a:5, b:2, c:1, d:1}, worked by hand with word2vec.c's CreateBinaryTree:
     *   merge d(1) + c(1) -> node 4 (count 2), c is the second minimum so binary[c] = 1
     *   merge node4(2) + b(2) -> node 5 (count 4): count[b] < count[node4] is false, so node4 is first; binary[b] = 1
     *   merge node5(4) + a(5) -> node 6 = root (count 9); binary[a] = 1
     * Inner node k is tree node 4 + k; root = inner node 2.
     */
    @Test
    void codesAndPointsOfHandCheckedTree() {
        HuffmanTree tree = HuffmanTree.of(new long[] {5, 2, 1, 1});
        assertEquals(3, tree.innerNodeCount());
        assertArrayEquals(new int[] {1}, tree.codes(0));
        assertArrayEquals(new int[] {2}, tree.points(0));
        assertArrayEquals(new int[] {0, 1}, tree.codes(1));
        assertArrayEquals(new int[] {2, 1}, tree.points(1));
        assertArrayEquals(new int[] {0, 0, 1}, tree.codes(2));
        assertArrayEquals(new int[] {2, 1, 0}, tree.points(2));
        assertArrayEquals(new int[] {0, 0, 0}, tree.codes(3));
        assertArrayEquals(new int[] {2, 1, 0}, tree.points(3));
        assertArrayEquals(new int[] {0, 1, 3, 6, 9}, tree.offsets());
        assertArrayEquals(new int[] {1, 0, 1, 0, 0, 1, 0, 0, 0}, tree.flatCodes());
    }

    @Test
    void unsortedCountsGiveTheSameTreeAsSortedOnes() {
        HuffmanTree tree = HuffmanTree.of(new long[] {1, 5, 1, 2});
        assertArrayEquals(new int[] {1}, tree.codes(1));
        assertArrayEquals(new int[] {0, 1}, tree.codes(3));
        assertArrayEquals(new int[] {0, 0, 1}, tree.codes(0));
        assertArrayEquals(new int[] {0, 0, 0}, tree.codes(2));
    }

    @Test
    void codesArePrefixFreeAndKraftSumIsOne() {
        long[] counts = new long[1000];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = 100_000 / (i + 1) + 1;
        }
        HuffmanTree tree = HuffmanTree.of(counts);
        Set<String> all = new HashSet<>();
        double kraft = 0;
        for (int w = 0; w < counts.length; w++) {
            StringBuilder sb = new StringBuilder();
            for (int c : tree.codes(w)) {
                sb.append(c);
            }
            all.add(sb.toString());
            kraft += Math.pow(2, -tree.codeLength(w));
            assertEquals(counts.length - 2, tree.points(w)[0], "path starts at the root");
            for (int p : tree.points(w)) {
                assertTrue(p >= 0 && p < counts.length - 1);
            }
        }
        assertEquals(counts.length, all.size());
        for (String a : all) {
            for (String b : all) {
                assertTrue(a.equals(b) || !b.startsWith(a), a + " is a prefix of " + b);
            }
        }
        assertEquals(1.0, kraft, 1e-9);
        assertTrue(tree.codeLength(0) <= tree.codeLength(999));
    }

    @Test
    void rejectsBadInput() {
        var e = assertThrows(IllegalArgumentException.class, () -> HuffmanTree.of(new long[] {3}));
        assertEquals("a Huffman tree needs at least 2 words, got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HuffmanTree.of(new long[] {3, 0}));
        assertEquals("count of word 1 must be >= 1, got 0", e.getMessage());
        // Fibonacci counts make the deepest possible tree: depth > 40 is refused
        long[] fib = new long[60];
        fib[0] = 1;
        fib[1] = 1;
        for (int i = 2; i < fib.length; i++) {
            fib[i] = fib[i - 1] + fib[i - 2];
        }
        e = assertThrows(IllegalArgumentException.class, () -> HuffmanTree.of(fib));
        assertTrue(e.getMessage().contains("> 40"), e.getMessage());
    }
}
