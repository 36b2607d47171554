package vn.binhyen.verifier.translog;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An independent RFC 9162 verifier written in the tests straight from the RFC text: MTH by its
 * recursive definition (§2.1.1) and the verification algorithms of §2.1.3.2 and §2.1.4.2. It shares
 * no code with {@link MerkleTree} or the log's proof endpoints, which it checks.
 */
public final class Rfc9162 {

  private Rfc9162() {}

  static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        sha.update(part);
      }
      return sha.digest();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static byte[] node(byte[] left, byte[] right) {
    return sha256(new byte[] {1}, left, right);
  }

  /** §2.1.1: MTH({}) = HASH(), MTH({d0}) = HASH(0x00 || d0), MTH(D[n]) = HASH(0x01 || MTH(D[0:k]) || MTH(D[k:n])). */
  static byte[] mth(List<byte[]> d) {
    int n = d.size();
    if (n == 0) {
      return sha256();
    }
    if (n == 1) {
      return sha256(new byte[] {0}, d.get(0));
    }
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return node(mth(d.subList(0, k)), mth(d.subList(k, n)));
  }

  /** §2.1.3.2, step by step. */
  public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> inclusionPath, byte[] rootHash) {
    if (leafIndex >= treeSize) {
      return false;
    }
    long fn = leafIndex;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : inclusionPath) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = node(p, r);
        if ((fn & 1) == 0) {
          while (!((fn & 1) == 1 || fn == 0)) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = node(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(r, rootHash);
  }

  /** §2.1.4.2, step by step; equal sizes (nothing to prove) need equal roots and an empty path. */
  public static boolean verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash, List<byte[]> path) {
    if (first == second) {
      return path.isEmpty() && Arrays.equals(firstHash, secondHash);
    }
    if (path.isEmpty()) {
      return false;
    }
    List<byte[]> cp = new ArrayList<>(path);
    if ((first & (first - 1)) == 0) {
      cp.add(0, firstHash);
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
        fr = node(c, fr);
        sr = node(c, sr);
        if ((fn & 1) == 0) {
          while (!((fn & 1) == 1 || fn == 0)) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = node(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash) && sn == 0;
  }
  /** MTH over leaf hashes already computed (a tree of one leaf is that leaf's hash). */
  static byte[] mthOfLeafHashes(List<byte[]> leafHashes) {
    int n = leafHashes.size();
    if (n == 1) {
      return leafHashes.get(0);
    }
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return node(mthOfLeafHashes(leafHashes.subList(0, k)), mthOfLeafHashes(leafHashes.subList(k, n)));
  }
}
