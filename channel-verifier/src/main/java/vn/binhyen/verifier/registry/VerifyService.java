package vn.binhyen.verifier.registry;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.ChannelRef;
import vn.binhyen.core.channel.ChannelStatus;
import vn.binhyen.core.channel.ImpostorCheck;
import vn.binhyen.core.channel.Platform;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.text.Fold;
import vn.binhyen.verifier.registry.VerifyAnswer.Kind;
import vn.binhyen.verifier.registry.VerifyAnswer.Verdict;
import vn.binhyen.verifier.signing.AttestationVerifier;
import vn.binhyen.verifier.signing.KeyDirectory;
import vn.binhyen.verifier.signing.VerificationResult;

/**
 * Answers "is this official?" for a token, a link, a handle or a name, from memory only (the
 * registry and the key directory): tokens are checked cryptographically, links and handles looked
 * up by their normalised id. Names and unknown links also go to the impostor check when one runs.
 */
public final class VerifyService {

  private static final Pattern TOKEN = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  private static final Pattern HANDLE = Pattern.compile("@?[\\p{L}\\p{M}\\p{N}._\\-]{2,80}");
  private static final int MAX_MATCHES = 10;
  private static final int MAX_CHECKED_TOKENS = 100_000;

  private final VerificationRegistry registry;
  private final KeyDirectory keys;
  private final Supplier<Optional<ImpostorCheck>> impostors;
  private final boolean rememberSignatures;
  private volatile AlertQuestions alerts;
  /**
   * Valid tokens whose signatures were checked once: an Ed25519 check is a pure function of the
   * token's bytes and the key, and the same few thousand tokens (registry links, posters' QR
   * codes) are asked about over and over. Only tokens that verified are kept, so bogus ones cannot
   * fill it; it is emptied past {@link #MAX_CHECKED_TOKENS}.
   */
  private final java.util.Map<String, VerificationResult> checkedTokens = new java.util.concurrent.ConcurrentHashMap<>();

  public VerifyService(VerificationRegistry registry, KeyDirectory keys, Supplier<Optional<ImpostorCheck>> impostors) {
    this(registry, keys, impostors, true);
  }

  /**
   * @param rememberSignatures false: every presented token's signatures are checked again
   *     (BINHYEN_VERIFY_REMEMBER_TOKENS=false; the benchmark's uncached figure)
   */
  public VerifyService(VerificationRegistry registry, KeyDirectory keys, Supplier<Optional<ImpostorCheck>> impostors,
      boolean rememberSignatures) {
    this.rememberSignatures = rememberSignatures;
    this.registry = registry;
    this.keys = keys;
    this.impostors = impostors;
  }

  /** Alert tokens and links are answered by {@code alerts} from now on. */
  public void answerAlertsWith(AlertQuestions alerts) {
    this.alerts = alerts;
  }

  /**
   * @throws DomainError.Invalid {@code invalid-link} for a link that is not a channel (a post, a video)
   */
  public Future<VerifyAnswer> verify(String question) {
    String q = question == null ? "" : question.strip();
    String token = tokenIn(q);
    AlertQuestions alertQuestions = alerts;
    if (alertQuestions != null) {
      Optional<Future<VerifyAnswer>> aboutAlert = alertQuestions.answer(token != null ? token : q);
      if (aboutAlert.isPresent()) {
        return aboutAlert.get();
      }
    }
    if (token != null) {
      return Future.succeededFuture(verifyToken(token));
    }
    if (q.isEmpty()) {
      return Future.failedFuture(new DomainError.Invalid("invalid-link", "Chưa nhập gì / nothing was given"));
    }
    boolean bare = q.indexOf('.') < 0 && q.indexOf('/') < 0 && q.indexOf(':') < 0;
    if (!bare) {
      ChannelRef ref = ChannelLinks.normalize(q);
      return withImpostor(byLink(ref, ref.normalizedId()), q, null);
    }
    if (HANDLE.matcher(q).matches()) {
      return withImpostor(byHandle(q), q, null);
    }
    return withImpostor(byName(q), null, q);
  }

  /**
   * The answer for an attestation token. Its signatures are checked once per distinct token and
   * remembered (as for registry tokens, {@link #checkCurrent}); revocations and expiry are checked
   * on every call.
   */
  public VerifyAnswer verifyToken(String token) {
    VerificationResult result = rememberSignatures
        ? checkCurrent(token) : AttestationVerifier.verify(token, keys, Instant.now().getEpochSecond());
    // Claims are shown only when the signatures and the chain to the root held: a forged or
    // tampered token (or one signed by a revoked key) never lends its unit or page name to the answer.
    var claims = signatureHeld(result.outcome()) ? result.attestation() : null;
    RegistryEntry entry = claims == null ? null : registry.byNormalizedId(claims.normalizedId()).orElse(null);
    Verdict verdict = switch (result.outcome()) {
      case VALID -> entry != null && entry.status() == ChannelStatus.SUSPENDED ? Verdict.SUSPENDED
          : entry != null && entry.status() == ChannelStatus.REVOKED ? Verdict.REVOKED : Verdict.OFFICIAL;
      case ATTESTATION_REVOKED -> entry != null && entry.status() == ChannelStatus.SUSPENDED ? Verdict.SUSPENDED : Verdict.REVOKED;
      case KEY_REVOKED -> Verdict.REVOKED;
      case EXPIRED -> Verdict.EXPIRED;
      default -> Verdict.INVALID_TOKEN;
    };
    Long logIndex = claims == null ? null : registry.logIndexOf(claims.jti()).orElse(null);
    Instant since = entry != null && entry.since() != null ? entry.since()
        : claims == null ? null : Instant.ofEpochSecond(claims.issuedAt());
    return new VerifyAnswer(verdict, Kind.TOKEN, result.outcome().name(), result.detail(),
        claims == null ? null : claims.normalizedId(), claims == null ? null : claims.tenantCode(),
        claims == null ? null : claims.tenantName(), since, entry, claims, result.chain(), logIndex, List.of(), null);
  }

  private static boolean signatureHeld(VerificationResult.Outcome outcome) {
    return switch (outcome) {
      case VALID, ATTESTATION_REVOKED, EXPIRED -> true;
      default -> false;
    };
  }

  private VerifyAnswer byLink(ChannelRef ref, String normalizedId) {
    Optional<RegistryEntry> found = registry.byNormalizedId(normalizedId);
    if (found.isEmpty()) {
      return new VerifyAnswer(Verdict.NOT_REGISTERED, Kind.LINK, null, "not in the registry of official channels",
          normalizedId, null, null, null, null, null, List.of(), null, List.of(), null);
    }
    RegistryEntry e = found.get();
    Verdict verdict = switch (e.status()) {
      case VERIFIED -> e.token() != null ? Verdict.OFFICIAL : Verdict.REVOKED;
      case SUSPENDED -> Verdict.SUSPENDED;
      default -> Verdict.REVOKED;
    };
    List<String> chain = List.of();
    if (verdict == Verdict.OFFICIAL) {
      VerificationResult checked = checkCurrent(e.token());
      if (!checked.valid()) {
        verdict = checked.outcome() == VerificationResult.Outcome.EXPIRED ? Verdict.EXPIRED : Verdict.REVOKED;
      }
      chain = checked.chain();
    }
    String detail = verdict == Verdict.OFFICIAL ? "registered and attested" : e.statusReason();
    return new VerifyAnswer(verdict, Kind.LINK, e.status().name(), detail, normalizedId, e.tenantCode(), e.tenantName(),
        e.since(), e, null, chain, e.logIndex(), List.of(), null);
  }

  /**
   * The registry's current token, checked: the signatures once per token (the token's bytes never
   * change), then on every call what can change: key revocation, attestation revocation, expiry.
   */
  private VerificationResult checkCurrent(String token) {
    long now = Instant.now().getEpochSecond();
    VerificationResult signed = checkedTokens.get(token);
    if (signed == null) {
      VerificationResult full = AttestationVerifier.verify(token, keys, now);
      if (!full.valid()) {
        return full;
      }
      if (checkedTokens.size() > MAX_CHECKED_TOKENS) {
        checkedTokens.clear();
      }
      checkedTokens.put(token, full);
      return full;
    }
    for (String kid : signed.chain()) {
      if (keys.isKeyRevoked(kid)) {
        return new VerificationResult(VerificationResult.Outcome.KEY_REVOKED, signed.attestation(), signed.chain(), "key " + kid + " is revoked");
      }
    }
    if (keys.isAttestationRevoked(signed.attestation().jti())) {
      return new VerificationResult(VerificationResult.Outcome.ATTESTATION_REVOKED, signed.attestation(), signed.chain(), "revoked");
    }
    if (now >= signed.attestation().expiresAt()) {
      return new VerificationResult(VerificationResult.Outcome.EXPIRED, signed.attestation(), signed.chain(), "expired");
    }
    return signed;
  }

  /** A bare handle: tried as a handle on each platform; the first registered one answers. */
  private VerifyAnswer byHandle(String handle) {
    String first = null;
    for (Platform p : List.of(Platform.FACEBOOK_PAGE, Platform.TIKTOK, Platform.YOUTUBE, Platform.ZALO_OA)) {
      try {
        ChannelRef ref = ChannelLinks.normalize(handle, p);
        if (registry.byNormalizedId(ref.normalizedId()).isPresent()) {
          return byLink(ref, ref.normalizedId());
        }
        first = first == null ? ref.normalizedId() : first;
      } catch (DomainError.Invalid notThisPlatform) {
        // A handle that cannot exist on this platform: try the next one.
      }
    }
    if (first == null) {
      return byName(handle);
    }
    return new VerifyAnswer(Verdict.NOT_REGISTERED, Kind.LINK, null, "no platform has an official channel with this handle",
        first, null, null, null, null, null, List.of(), null, List.of(), null);
  }

  /** A name proves nothing: list official channels whose name or unit name contains it. */
  private VerifyAnswer byName(String name) {
    String folded = Fold.fold(name);
    List<RegistryEntry> matches = new ArrayList<>();
    for (RegistryEntry e : registry.all()) {
      if (e.official() && (Fold.fold(e.displayName()).contains(folded) || Fold.fold(e.tenantName()).contains(folded))) {
        matches.add(e);
        if (matches.size() >= MAX_MATCHES) {
          break;
        }
      }
    }
    return new VerifyAnswer(Verdict.NAME_ONLY, Kind.NAME, null,
        "a name cannot be verified: paste the page's link, or compare with the official channels listed",
        null, null, null, null, null, null, List.of(), null, List.copyOf(matches), null);
  }

  private Future<VerifyAnswer> withImpostor(VerifyAnswer answer, String link, String name) {
    if (answer.verdict() != Verdict.NOT_REGISTERED && answer.verdict() != Verdict.NAME_ONLY) {
      return Future.succeededFuture(answer);
    }
    Optional<ImpostorCheck> check = impostors.get();
    if (check.isEmpty()) {
      return Future.succeededFuture(answer);
    }
    return check.get().check(link, name, null).map(answer::withImpostor).otherwise(answer);
  }

  /** The token in a pasted token or verification link ({@code .../verify?t=<token>}), or null. */
  public static String tokenIn(String q) {
    int t = q.indexOf("t=eyJ");
    String candidate = t >= 0 && (t == 0 || q.charAt(t - 1) == '?' || q.charAt(t - 1) == '&') ? q.substring(t + 2) : q;
    int end = candidate.indexOf('&');
    candidate = end >= 0 ? candidate.substring(0, end) : candidate;
    return TOKEN.matcher(candidate).matches() ? candidate : null;
  }
}
