package vn.binhyen.verifier.translog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks proofs the way a client does (RFC 9162 §2.1.3.2 and §2.1.4.2), from the hashes alone: the
 * log's own monitor uses it to confirm every new tree head extends the previous one.
 */
public final class Proofs {

  private Proofs() {
  }

  /** Whether {@code path} proves leaf {@code index} with hash {@code leafHash} is in the tree of {@code size} with {@code root}. */
  public static boolean inclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
    if (index < 0 || index >= size) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleTree.nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = MerkleTree.nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(r, root);
  }

  /** Whether {@code path} proves the tree of {@code first} leaves with {@code firstRoot} is a prefix of the one of {@code second}. */
  public static boolean consistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> path) {
    if (first <= 0 || first > second) {
      return false;
    }
    if (first == second) {
      return path.isEmpty() && Arrays.equals(firstRoot, secondRoot);
    }
    if (path.isEmpty()) {
      return false;
    }
    List<byte[]> cp = new ArrayList<>(path);
    if ((first & (first - 1)) == 0) {
      cp.add(0, firstRoot);
    }
    long fn = first - 1;
    long sn = second - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = cp.get(0);
    byte[] sr = cp.get(0);
    for (byte[] c : cp.subList(1, cp.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleTree.nodeHash(c, fr);
        sr = MerkleTree.nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = MerkleTree.nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot) && sn == 0;
  }
}
