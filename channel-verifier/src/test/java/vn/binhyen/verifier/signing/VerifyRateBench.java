package vn.binhyen.verifier.signing;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The raw BouncyCastle Ed25519 verify rate, the ceiling token verification is compared with:
 * {@code threads} threads verify one signature of a token-sized message for {@code seconds}
 * (after a warm-up) and the total rate is printed as {@code verifies/s <n>}. Run by
 * deploy/bench/verify-bench.sh: {@code java -cp binhyen.jar:test-classes ... VerifyRateBench 2 10}.
 */
public final class VerifyRateBench {

  private VerifyRateBench() {
  }

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new java.security.SecureRandom());
    Ed25519PublicKeyParameters pub = key.generatePublicKey();
    byte[] message = "x".repeat(380).getBytes(StandardCharsets.US_ASCII);
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(message, 0, message.length);
    byte[] signature = signer.generateSignature();
    run(threads, 3, pub, message, signature);
    long total = run(threads, seconds, pub, message, signature);
    System.out.printf("threads %d seconds %d verifies/s %d%n", threads, seconds, total / seconds);
  }

  private static long run(int threads, int seconds, Ed25519PublicKeyParameters pub, byte[] message, byte[] signature)
      throws InterruptedException {
    AtomicLong count = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> {
        long n = 0;
        Ed25519Signer verifier = new Ed25519Signer();
        while (System.nanoTime() < end) {
          verifier.init(false, pub);
          verifier.update(message, 0, message.length);
          if (!verifier.verifySignature(signature)) {
            throw new IllegalStateException("signature does not verify");
          }
          n++;
        }
        count.addAndGet(n);
      });
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    return count.get();
  }
}
