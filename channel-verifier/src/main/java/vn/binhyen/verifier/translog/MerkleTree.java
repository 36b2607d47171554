package vn.binhyen.verifier.translog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import vn.binhyen.core.error.DomainError;

/**
 * The transparency log's Merkle tree, hashed as RFC 9162 §2.1 says: root hashes, inclusion proofs
 * (§2.1.3.1) and consistency proofs (§2.1.4.1) over any prefix of the log.
 *
 * <p>Cost: the hash of every complete, aligned power-of-two subtree is cached the first time it is
 * needed (about one 32-byte hash per leaf in all), and such a subtree never changes in an
 * append-only log. Any other range is one cached subtree plus a smaller range, so a root or a proof
 * for any size costs O(log n) hashes once the cache is warm, and building it costs n hashes.
 * Methods are synchronized: one instance can serve a whole node.
 */
public final class MerkleTree {

  /** Size of a SHA-256 hash, and so of every leaf and node hash. */
  public static final int HASH_BYTES = 32;

  private final LeafHashes leaves;
  /** levels.get(l).get(i) = hash of the complete subtree of 2^l leaves starting at leaf i * 2^l (l >= 1). */
  private final List<List<byte[]>> levels = new ArrayList<>();

  public MerkleTree(LeafHashes leaves) {
    this.leaves = leaves;
  }

  /** SHA-256(0x00 || entry): the leaf hash of a log entry. */
  public static byte[] leafHash(byte[] entry) {
    MessageDigest sha = sha256();
    sha.update((byte) 0x00);
    return sha.digest(entry);
  }

  /** SHA-256(0x01 || left || right): the hash of an interior node. */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest sha = sha256();
    sha.update((byte) 0x01);
    sha.update(left);
    return sha.digest(right);
  }

  public long size() {
    return leaves.size();
  }

  /** MTH of the whole log as it is now. */
  public byte[] rootHash() {
    return rootHash(leaves.size());
  }

  /**
   * MTH(D[0:treeSize]); the empty tree's root is SHA-256 of the empty string.
   *
   * @throws DomainError.Invalid when {@code treeSize} is negative or larger than the log
   */
  public synchronized byte[] rootHash(long treeSize) {
    requireSize(treeSize);
    return treeSize == 0 ? sha256().digest() : hash(0, treeSize);
  }

  /**
   * PATH(index, D[0:treeSize]) of RFC 9162 §2.1.3.1, from the leaf's sibling up.
   *
   * @throws DomainError.Invalid unless {@code 0 <= index < treeSize <= size()}
   */
  public synchronized List<byte[]> inclusionProof(long index, long treeSize) {
    requireSize(treeSize);
    if (index < 0 || index >= treeSize) {
      throw new DomainError.Invalid("invalid-proof-request",
          "Chỉ số " + index + " nằm ngoài cây cỡ " + treeSize + " / leaf index " + index + " is outside a tree of size " + treeSize);
    }
    List<byte[]> path = new ArrayList<>();
    path(index, 0, treeSize, path);
    return path;
  }

  /**
   * PROOF(oldSize, D[0:newSize]) of RFC 9162 §2.1.4.1; empty when the sizes are equal.
   *
   * @throws DomainError.Invalid unless {@code 0 < oldSize <= newSize <= size()}
   */
  public synchronized List<byte[]> consistencyProof(long oldSize, long newSize) {
    requireSize(newSize);
    if (oldSize <= 0 || oldSize > newSize) {
      throw new DomainError.Invalid("invalid-proof-request", "Cần 0 < cỡ cũ <= cỡ mới, nhận " + oldSize + " và " + newSize
          + " / need 0 < old size <= new size, got " + oldSize + " and " + newSize);
    }
    List<byte[]> proof = new ArrayList<>();
    subproof(oldSize, 0, newSize, true, proof);
    return proof;
  }

  /** PATH(m, D[start:end]): sibling hashes, deepest first. */
  private void path(long m, long start, long end, List<byte[]> out) {
    long n = end - start;
    if (n == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m < k) {
      path(m, start, start + k, out);
      out.add(hash(start + k, end));
    } else {
      path(m - k, start + k, end, out);
      out.add(hash(start, start + k));
    }
  }

  /** SUBPROOF(m, D[start:end], b). */
  private void subproof(long m, long start, long end, boolean complete, List<byte[]> out) {
    long n = end - start;
    if (m == n) {
      if (!complete) {
        out.add(hash(start, end));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, start, start + k, complete, out);
      out.add(hash(start + k, end));
    } else {
      subproof(m - k, start + k, end, false, out);
      out.add(hash(start, start + k));
    }
  }

  /** MTH(D[start:end]) for a non-empty range. */
  private byte[] hash(long start, long end) {
    long n = end - start;
    if (Long.bitCount(n) == 1 && start % n == 0) {
      return completeSubtree(Long.numberOfTrailingZeros(n), start / n);
    }
    long k = largestPowerOfTwoBelow(n);
    return nodeHash(hash(start, start + k), hash(start + k, end));
  }

  private byte[] completeSubtree(int level, long index) {
    if (level == 0) {
      return leaves.get(index);
    }
    while (levels.size() < level) {
      levels.add(new ArrayList<>());
    }
    List<byte[]> cached = levels.get(level - 1);
    for (long i = cached.size(); i <= index; i++) {
      cached.add(nodeHash(completeSubtree(level - 1, 2 * i), completeSubtree(level - 1, 2 * i + 1)));
    }
    return cached.get(Math.toIntExact(index));
  }

  private void requireSize(long treeSize) {
    long size = leaves.size();
    if (treeSize < 0 || treeSize > size) {
      throw new DomainError.Invalid("invalid-proof-request", "Cỡ cây " + treeSize + " vượt quá nhật ký (" + size + " mục) / tree size "
          + treeSize + " is beyond the log (" + size + " entries)");
    }
  }

  /** The largest power of two strictly less than {@code n}, for {@code n >= 2}. */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
