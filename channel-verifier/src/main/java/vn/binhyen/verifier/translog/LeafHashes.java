package vn.binhyen.verifier.translog;

import java.util.List;

/**
 * The leaf hashes of an append-only log, in order. The database-backed log implements it; a leaf
 * once written never changes, which is what lets {@link MerkleTree} cache subtree hashes.
 */
public interface LeafHashes {

  long size();

  /** The 32-byte leaf hash at {@code index}, {@code 0 <= index < size()}. */
  byte[] get(long index);

  /** Leaf hashes held in a list (tests, small logs). */
  static LeafHashes of(List<byte[]> hashes) {
    return new LeafHashes() {
      @Override
      public long size() {
        return hashes.size();
      }

      @Override
      public byte[] get(long index) {
        return hashes.get(Math.toIntExact(index));
      }
    };
  }
}
