package vn.binhyen.verifier.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.binhyen.core.channel.ChannelLinks;
import vn.binhyen.core.channel.ImpostorCheck;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.verifier.signing.Attestation;
import vn.binhyen.verifier.signing.Ed25519Keys;
import vn.binhyen.verifier.signing.InMemoryKeyDirectory;
import vn.binhyen.verifier.signing.KeyCertificate;
import vn.binhyen.verifier.signing.SigningKey;

/** How a question is read (token, link, handle, name) and when the impostor check is asked; no I/O. */
class VerifyServiceTest {

  private final SigningKey root = Ed25519Keys.generate();
  private final InMemoryKeyDirectory keys = new InMemoryKeyDirectory().addRoot(root.verifyingKey());
  private final VerificationRegistry emptyRegistry = new VerificationRegistry(null, null);
  private final List<String> asked = new ArrayList<>();
  private final ImpostorCheck impostors = (link, name, about) -> {
    asked.add(link + "|" + name);
    return Future.succeededFuture(new JsonObject().put("verdict", "SUSPECTED_IMPOSTOR").put("score", 0.9)
        .put("reasons", new JsonArray().add("scam phrase")).put("resembles", new JsonArray()));
  };

  private VerifyAnswer ask(String q, boolean withImpostorCheck) {
    return new VerifyService(emptyRegistry, keys, () -> withImpostorCheck ? Optional.of(impostors) : Optional.empty())
        .verify(q).result();
  }

  @Test
  void an_unknown_link_is_not_registered_and_goes_to_the_impostor_check_when_it_runs() {
    VerifyAnswer a = ask("https://m.facebook.com/Ho.Tro.Lay.Lai.Tien/", true);
    assertEquals(VerifyAnswer.Verdict.NOT_REGISTERED, a.verdict());
    assertEquals("facebook.com/ho.tro.lay.lai.tien", a.normalizedId());
    assertEquals("SUSPECTED_IMPOSTOR", a.impostor().getString("verdict"));
    assertEquals(List.of("https://m.facebook.com/Ho.Tro.Lay.Lai.Tien/|null"), asked);
    assertNull(ask("https://m.facebook.com/Ho.Tro.Lay.Lai.Tien/", false).impostor(), "absent service: no impostor member");
  }

  @Test
  void a_name_is_name_only_and_checked_as_a_name() {
    VerifyAnswer a = ask("Công an phường hỗ trợ lấy lại tiền", true);
    assertEquals(VerifyAnswer.Verdict.NAME_ONLY, a.verdict());
    assertEquals(VerifyAnswer.Kind.NAME, a.kind());
    assertEquals(List.of("null|Công an phường hỗ trợ lấy lại tiền"), asked);
  }

  @Test
  void a_bare_handle_is_tried_as_a_link() {
    VerifyAnswer a = ask("@ConganThuDo", false);
    assertEquals(VerifyAnswer.Verdict.NOT_REGISTERED, a.verdict());
    assertEquals("facebook.com/conganthudo", a.normalizedId());
  }

  @Test
  void a_token_or_a_qr_link_with_a_token_is_checked_cryptographically_without_the_impostor_check() {
    long now = Instant.now().getEpochSecond();
    String token = Attestation.issue("7", ChannelLinks.normalize("https://mps.gov.vn"), "Bộ Công an", "BCA", "Bộ Công an",
        now, now + 3600).sign(root);
    VerifyAnswer direct = ask(token, true);
    assertEquals(VerifyAnswer.Verdict.OFFICIAL, direct.verdict());
    assertEquals(List.of(root.kid()), direct.chain());
    assertNotNull(direct.claims());
    assertEquals(VerifyAnswer.Verdict.OFFICIAL, ask("https://binhyen.vn/verify?t=" + token, true).verdict());
    assertEquals(List.of(), asked);
    keys.revokeAttestation(direct.claims().jti());
    assertEquals(VerifyAnswer.Verdict.REVOKED, ask(token, true).verdict());
  }

  @Test
  void a_remembered_token_still_follows_revocations_and_a_tampered_copy_is_still_refused() {
    SigningKey province = Ed25519Keys.generate();
    long now = Instant.now().getEpochSecond();
    keys.addIssuer(province.verifyingKey(), new KeyCertificate(province.verifyingKey(), "01", now - 60, now + 86_400)
        .sign(root));
    String token = Attestation.issue("8", ChannelLinks.normalize("https://facebook.com/ConganThuDo"), "Công an Hà Nội",
        "01", "Công an thành phố Hà Nội", now, now + 3600).sign(province);
    VerifyService service = new VerifyService(emptyRegistry, keys, Optional::empty);
    for (int i = 0; i < 3; i++) {
      VerifyAnswer a = service.verify(token).result();
      assertEquals(VerifyAnswer.Verdict.OFFICIAL, a.verdict());
      assertEquals(List.of(province.kid(), root.kid()), a.chain());
    }
    // One character of the signature changed: a different token, checked in full, refused.
    int last = token.length() - 2;
    String tampered = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A') + token.substring(last + 1);
    assertEquals(VerifyAnswer.Verdict.INVALID_TOKEN, service.verify(tampered).result().verdict());
    // The remembered token follows a revocation of its issuing key at once.
    keys.revokeKey(province.kid());
    assertEquals(VerifyAnswer.Verdict.REVOKED, service.verify(token).result().verdict());
  }

  @Test
  void a_post_link_is_refused_with_the_link_rules_message() {
    DomainError.Invalid e = assertThrows(DomainError.Invalid.class,
        () -> new VerifyService(emptyRegistry, keys, Optional::empty).verify("https://www.facebook.com/watch?v=1"));
    assertEquals("invalid-link", e.slug());
  }
}
