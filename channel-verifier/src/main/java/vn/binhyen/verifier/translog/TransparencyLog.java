package vn.binhyen.verifier.translog;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.binhyen.core.db.Db;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.verifier.signing.SigningKey;

/**
 * The transparency log of every issuance, revocation and key event: leaves appended in the
 * caller's transaction, a Merkle tree (RFC 9162) over them kept in memory on each node and
 * caught up from the database on demand, and signed tree heads published as C2SP checkpoints.
 */
public final class TransparencyLog {

  /** The checkpoint origin line, and the signed note's key name. */
  public static final String ORIGIN = "binhyen.vn/translog";
  /** Most entries one request may read. */
  public static final int MAX_ENTRIES = 1000;

  private final Db db;
  private final LogRepository repo = new LogRepository();
  private final List<byte[]> hashes = new ArrayList<>();
  private final MerkleTree tree;
  private volatile SigningKey signer;

  /** A signed tree head as published. */
  public record Head(long size, byte[] rootHash, String checkpoint, Instant signedAt) {}

  /** One entry as published: its index, the exact leaf input and its leaf hash. */
  public record Entry(long index, byte[] input, byte[] leafHash, Instant createdAt) {
    public JsonObject event() {
      return new JsonObject(new String(input, StandardCharsets.UTF_8));
    }
  }

  public TransparencyLog(Db db) {
    this.db = db;
    this.tree = new MerkleTree(new LeafHashes() {
      @Override
      public long size() {
        synchronized (hashes) {
          return hashes.size();
        }
      }

      @Override
      public byte[] get(long index) {
        synchronized (hashes) {
          return hashes.get(Math.toIntExact(index));
        }
      }
    });
  }

  /** The key that signs tree heads (the log key of the key ring), set once at start. */
  public void useSigner(SigningKey key) {
    this.signer = key;
  }

  public SigningKey signer() {
    return signer;
  }

  /**
   * Appends {@code event} (with {@code v} and the time {@code t} added) as a leaf; must run inside
   * the transaction of the change it records. Returns the leaf index.
   */
  public Future<Long> append(SqlClient tx, JsonObject event) {
    JsonObject leaf = new JsonObject().put("v", 1).put("t", Instant.now().getEpochSecond());
    event.forEach(e -> leaf.put(e.getKey(), e.getValue()));
    byte[] input = leaf.encode().getBytes(StandardCharsets.UTF_8);
    return repo.append(tx, input, MerkleTree.leafHash(input));
  }

  /** Catches the local tree up with the database; returns the log size. */
  public Future<Long> sync() {
    long local = tree.size();
    return repo.hashesFrom(db.pool(), local).map(found -> {
      synchronized (hashes) {
        for (int i = 0; i < found.size(); i++) {
          if (local + i == hashes.size()) {
            hashes.add(found.get(i));
          }
        }
        return (long) hashes.size();
      }
    });
  }

  /** Signs and stores a tree head for the whole log if the latest one is older; returns the latest head. */
  public Future<Head> publishHead() {
    SigningKey key = signer;
    if (key == null) {
      return Future.failedFuture(new DomainError.Unavailable("Nhật ký chưa sẵn sàng / the log is not ready"));
    }
    return sync()
        .compose(size -> repo.latestHead(db.pool()).compose(latest -> {
          if (latest.isPresent() && latest.get().size() >= size) {
            return Future.succeededFuture();
          }
          byte[] root = tree.rootHash(size);
          String note = new Checkpoint(ORIGIN, size, root).sign(ORIGIN, key);
          return repo.insertHead(db.pool(), size, root, note);
        }))
        .compose(x -> latestHead())
        .map(Optional::orElseThrow);
  }

  public Future<Optional<Head>> latestHead() {
    return repo.latestHead(db.pool()).map(h -> h.map(TransparencyLog::head));
  }

  /** Heads signed after {@code size}, smallest first. */
  public Future<List<Head>> headsAfter(long size) {
    return repo.headsAfter(db.pool(), size).map(list -> list.stream().map(TransparencyLog::head).toList());
  }

  /** Entries {@code start <= index < end}, at most {@link #MAX_ENTRIES}. */
  public Future<List<Entry>> entries(long start, long end) {
    if (start < 0 || end <= start || end - start > MAX_ENTRIES) {
      return Future.failedFuture(new DomainError.Invalid("invalid-range", "Cần 0 <= start < end, tối đa " + MAX_ENTRIES
          + " mục / need 0 <= start < end, at most " + MAX_ENTRIES + " entries"));
    }
    return repo.leaves(db.pool(), start, end).map(list -> list.stream()
        .map(l -> new Entry(l.index(), l.input(), l.hash(), l.createdAt().toInstant())).toList());
  }

  public Future<List<byte[]>> inclusionProof(long index, long size) {
    return sync().map(x -> tree.inclusionProof(index, size));
  }

  public Future<List<byte[]>> consistencyProof(long first, long second) {
    return sync().map(x -> tree.consistencyProof(first, second));
  }

  /** Root hash of the first {@code size} leaves, as this node computes it. */
  public Future<byte[]> rootHash(long size) {
    return sync().map(x -> tree.rootHash(size));
  }

  /** The index of the first leaf with this hash. */
  public Future<Long> indexOf(byte[] leafHash) {
    return repo.indexOf(db.pool(), leafHash).map(found -> found.orElseThrow(() ->
        new DomainError.NotFound("Không có mục nào với hash này / no entry has this leaf hash")));
  }

  private static Head head(LogRepository.Head h) {
    return new Head(h.size(), h.rootHash(), h.checkpoint(), h.signedAt().toInstant());
  }
}
