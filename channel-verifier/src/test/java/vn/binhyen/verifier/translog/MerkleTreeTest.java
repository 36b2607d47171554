package vn.binhyen.verifier.translog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.error.DomainError;

/**
 * Checks the tree against code written here straight from the RFC 9162 text: MTH by its recursive
 * definition (§2.1.1), and the verification algorithms of §2.1.3.2 and §2.1.4.2, never sharing
 * code with {@link MerkleTree}.
 */
class MerkleTreeTest {

  private static final HexFormat HEX = HexFormat.of();

  private static List<byte[]> entries(int n) {
    List<byte[]> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      entries.add(("entry " + i).getBytes());
    }
    return entries;
  }

  private static MerkleTree tree(List<byte[]> entries) {
    return new MerkleTree(LeafHashes.of(entries.stream().map(MerkleTree::leafHash).toList()));
  }

  private static byte[] sha256(byte[]... parts) {
    return Rfc9162.sha256(parts);
  }

  private static byte[] node(byte[] left, byte[] right) {
    return Rfc9162.node(left, right);
  }

  private static byte[] mth(List<byte[]> d) {
    return Rfc9162.mth(d);
  }

  private static boolean verifyInclusion(long index, long size, byte[] leaf, List<byte[]> path, byte[] root) {
    return Rfc9162.verifyInclusion(index, size, leaf, path, root);
  }

  private static boolean verifyConsistency(long first, long second, byte[] a, byte[] b, List<byte[]> path) {
    return Rfc9162.verifyConsistency(first, second, a, b, path);
  }


  @Test
  void the_empty_tree_root_is_sha256_of_nothing() {
    MerkleTree empty = new MerkleTree(LeafHashes.of(List.of()));
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", HEX.formatHex(empty.rootHash()));
  }

  @Test
  void leaf_and_node_hashes_carry_the_rfc_prefixes() {
    byte[] entry = {7, 8};
    assertArrayEquals(sha256(new byte[] {0, 7, 8}), MerkleTree.leafHash(entry));
    assertArrayEquals(sha256(new byte[] {1}, entry, entry), MerkleTree.nodeHash(entry, entry));
  }

  @Test
  void roots_match_the_certificate_transparency_reference_vectors() {
    List<byte[]> leaves = List.of(HEX.parseHex(""), HEX.parseHex("00"), HEX.parseHex("10"), HEX.parseHex("2021"),
        HEX.parseHex("3031"), HEX.parseHex("40414243"), HEX.parseHex("5051525354555657"),
        HEX.parseHex("606162636465666768696a6b6c6d6e6f"));
    String[] roots = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
    MerkleTree tree = tree(leaves);
    for (int size = 1; size <= 8; size++) {
      assertEquals(roots[size - 1], HEX.formatHex(tree.rootHash(size)), "size " + size);
    }
  }

  @Test
  void every_root_of_sizes_0_to_64_matches_the_recursive_definition() {
    List<byte[]> entries = entries(64);
    MerkleTree tree = tree(entries);
    for (int size = 0; size <= 64; size++) {
      assertArrayEquals(mth(entries.subList(0, size)), tree.rootHash(size), "size " + size);
    }
  }

  @Test
  void every_inclusion_proof_up_to_64_leaves_verifies_and_a_wrong_one_does_not() {
    List<byte[]> entries = entries(64);
    MerkleTree tree = tree(entries);
    for (int size = 1; size <= 64; size++) {
      byte[] root = mth(entries.subList(0, size));
      for (int index = 0; index < size; index++) {
        List<byte[]> proof = tree.inclusionProof(index, size);
        byte[] leaf = MerkleTree.leafHash(entries.get(index));
        assertTrue(verifyInclusion(index, size, leaf, proof, root), "index " + index + " size " + size);
        assertFalse(verifyInclusion(index, size, MerkleTree.leafHash(new byte[] {9}), proof, root));
        if (size > 1) {
          assertFalse(verifyInclusion((index + 1) % size, size, leaf, proof, root), "proof is bound to its index");
          List<byte[]> tampered = new ArrayList<>(proof);
          tampered.set(0, MerkleTree.leafHash(new byte[] {9}));
          assertFalse(verifyInclusion(index, size, leaf, tampered, root));
        }
      }
    }
  }

  @Test
  void every_consistency_proof_up_to_64_leaves_verifies_and_a_wrong_one_does_not() {
    List<byte[]> entries = entries(64);
    MerkleTree tree = tree(entries);
    for (int second = 1; second <= 64; second++) {
      byte[] secondRoot = mth(entries.subList(0, second));
      for (int first = 1; first <= second; first++) {
        byte[] firstRoot = mth(entries.subList(0, first));
        List<byte[]> proof = tree.consistencyProof(first, second);
        assertTrue(verifyConsistency(first, second, firstRoot, secondRoot, proof), first + " -> " + second);
        if (first < second) {
          byte[] forkedRoot = mth(entries.subList(1, first + 1));
          assertFalse(verifyConsistency(first, second, forkedRoot, secondRoot, proof), "a rewritten history fails");
          List<byte[]> tampered = new ArrayList<>(proof);
          tampered.set(tampered.size() - 1, MerkleTree.leafHash(new byte[] {9}));
          assertFalse(verifyConsistency(first, second, firstRoot, secondRoot, tampered));
        }
      }
    }
  }

  @Test
  void the_worked_example_of_rfc_6962_gives_the_published_proofs() {
    // RFC 6962 §2.1.3: leaves a b c d e f j; g = ab, h = cd, i = ef, k = gh, l = ij.
    List<byte[]> entries = entries(7);
    MerkleTree tree = tree(entries);
    byte[][] leaf = entries.stream().map(MerkleTree::leafHash).toArray(byte[][]::new);
    byte[] a = leaf[0], b = leaf[1], c = leaf[2], d = leaf[3], e = leaf[4], f = leaf[5], j = leaf[6];
    byte[] g = node(a, b), h = node(c, d), i = node(e, f), k = node(g, h), l = node(i, j);
    assertProof(List.of(b, h, l), tree.inclusionProof(0, 7));
    assertProof(List.of(c, g, l), tree.inclusionProof(3, 7));
    assertProof(List.of(f, j, k), tree.inclusionProof(4, 7));
    assertProof(List.of(i, k), tree.inclusionProof(6, 7));
    assertProof(List.of(c, d, g, l), tree.consistencyProof(3, 7));
    assertProof(List.of(l), tree.consistencyProof(4, 7));
    assertProof(List.of(i, j, k), tree.consistencyProof(6, 7));
  }

  private static void assertProof(List<byte[]> expected, List<byte[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int x = 0; x < expected.size(); x++) {
      assertArrayEquals(expected.get(x), actual.get(x), "element " + x);
    }
  }

  @Test
  void out_of_range_requests_are_refused() {
    MerkleTree tree = tree(entries(5));
    assertThrows(DomainError.Invalid.class, () -> tree.inclusionProof(5, 5));
    assertThrows(DomainError.Invalid.class, () -> tree.inclusionProof(0, 6));
    assertThrows(DomainError.Invalid.class, () -> tree.inclusionProof(-1, 5));
    assertThrows(DomainError.Invalid.class, () -> tree.consistencyProof(0, 5));
    assertThrows(DomainError.Invalid.class, () -> tree.consistencyProof(4, 3));
    assertEquals("invalid-proof-request", assertThrows(DomainError.Invalid.class, () -> tree.rootHash(6)).slug());
  }

  @Test
  void a_tree_of_100k_leaves_gives_roots_and_proofs_quickly() {
    int n = 100_000;
    List<byte[]> leaves = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      leaves.add(MerkleTree.leafHash(Integer.toString(i).getBytes()));
    }
    MerkleTree tree = new MerkleTree(LeafHashes.of(leaves));
    long start = System.nanoTime();
    byte[] root = tree.rootHash();
    for (int size = n - 1000; size <= n; size++) {
      tree.rootHash(size);
      tree.consistencyProof(size / 2 + 1, size);
      tree.inclusionProof(size / 3, size);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(verifyInclusion(77_777, n, leaves.get(77_777), tree.inclusionProof(77_777, n), root));
    assertTrue(verifyConsistency(65_537, n, tree.rootHash(65_537), root, tree.consistencyProof(65_537, n)));
    assertTrue(millis < 5_000, "100k leaves and 3,000 roots and proofs took " + millis + " ms");
  }
}
