package vn.binhyen.core.crypto;

/**
 * Sealed data could not be opened: it was altered, truncated, or opened with the wrong key or
 * context. Treat it as a server fault (500) and an alarm, never as the caller's mistake.
 */
public final class IntegrityException extends RuntimeException {

  IntegrityException(String message) {
    super(message);
  }
}
