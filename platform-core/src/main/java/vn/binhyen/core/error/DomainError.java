package vn.binhyen.core.error;

import java.util.List;
import java.util.Map;
import vn.binhyen.core.text.Bilingual;

/**
 * The one family of errors a service may fail with. The failure handler turns each into an RFC 9457
 * problem+json body in the request's language (Accept-Language, vi or en, default vi);
 * {@link #type()} is the stable identifier clients match on. A detail is given either as a
 * {@link Bilingual} or, the older form, as one string "Vietnamese / English".
 */
public sealed abstract class DomainError extends RuntimeException {

  private static final String TYPE_BASE = "https://binhyen.vn/problems/";

  private final String slug;
  private final Bilingual detail;
  private final Map<String, Object> extensions;

  protected DomainError(String slug, String detail, Map<String, Object> extensions) {
    this(slug, Bilingual.of(detail), extensions);
  }

  protected DomainError(String slug, Bilingual detail, Map<String, Object> extensions) {
    super(detail.combined(), null, false, false);
    this.slug = slug;
    this.detail = detail;
    this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
  }

  /** The detail in both languages; the failure handler answers one of them. */
  public Bilingual detail() {
    return detail;
  }

  /** {@link #title()} in both languages. */
  public Bilingual titles() {
    return Bilingual.of(title());
  }

  /** Stable URI naming what went wrong, e.g. {@code https://binhyen.vn/problems/not-found}. */
  public String type() {
    return TYPE_BASE + slug;
  }

  public String slug() {
    return slug;
  }

  public abstract int status();

  public abstract String title();

  /** Extra members for the problem body (e.g. {@code errors} for a validation failure). */
  public Map<String, Object> extensions() {
    return extensions;
  }

  /** 400: the request is well-formed JSON but breaks a rule. */
  public static final class Invalid extends DomainError {
    public Invalid(String slug, String detail) {
      super(slug, detail, null);
    }

    public Invalid(String slug, Bilingual detail) {
      super(slug, detail, null);
    }

    public Invalid(String slug, String detail, List<?> errors) {
      super(slug, detail, Map.of("errors", errors));
    }

    @Override public int status() { return 400; }
    @Override public String title() { return "Yêu cầu không hợp lệ / Invalid request"; }
  }

  /** 401: no or bad credentials. */
  public static final class Unauthenticated extends DomainError {
    public Unauthenticated(String detail) {
      super("unauthenticated", detail, null);
    }

    @Override public int status() { return 401; }
    @Override public String title() { return "Chưa đăng nhập / Not signed in"; }
  }

  /** 403: signed in, but this principal may not act on this tenant or resource. */
  public static final class Forbidden extends DomainError {
    public Forbidden(String detail) {
      super("forbidden", detail, null);
    }

    @Override public int status() { return 403; }
    @Override public String title() { return "Không có quyền / Forbidden"; }
  }

  /** 404: nothing with that identifier (or nothing the caller may see). */
  public static final class NotFound extends DomainError {
    public NotFound(String detail) {
      super("not-found", detail, null);
    }

    @Override public int status() { return 404; }
    @Override public String title() { return "Không tìm thấy / Not found"; }
  }

  /** 409: the request conflicts with the current state (duplicate, wrong workflow state). */
  public static final class Conflict extends DomainError {
    public Conflict(String slug, String detail) {
      super(slug, detail, null);
    }

    public Conflict(String slug, Bilingual detail) {
      super(slug, detail, null);
    }

    @Override public int status() { return 409; }
    @Override public String title() { return "Xung đột dữ liệu / Conflict"; }
  }

  /** 429: too many requests; {@code retryAfterSeconds} goes to the Retry-After header. */
  public static final class TooManyRequests extends DomainError {
    private final long retryAfterSeconds;

    public TooManyRequests(String detail, long retryAfterSeconds) {
      this("rate-limited", detail, retryAfterSeconds);
    }

    /** A 429 of another kind than the per-client limit, e.g. {@code endpoint-busy} (a global ceiling). */
    public TooManyRequests(String slug, String detail, long retryAfterSeconds) {
      super(slug, detail, Map.of("retryAfter", retryAfterSeconds));
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() { return retryAfterSeconds; }
    @Override public int status() { return 429; }
    @Override public String title() { return "Quá nhiều yêu cầu / Too many requests"; }
  }

  /** 503: a dependency (the database, the cluster) is not available right now. */
  public static final class Unavailable extends DomainError {
    public Unavailable(String detail) {
      super("unavailable", detail, null);
    }

    @Override public int status() { return 503; }
    @Override public String title() { return "Dịch vụ tạm thời không sẵn sàng / Service unavailable"; }
  }
}
