package vn.binhyen.verifier.signing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import vn.binhyen.core.error.DomainError;

/**
 * RFC 7515 compact JWS with EdDSA only: {@code b64url(header).b64url(payload).b64url(signature)}.
 * Any other {@code alg} ({@code none}, {@code HS256}, ...) is refused at parse time, which closes the
 * classic algorithm-confusion attacks. Headers and payloads are written as compact JSON in the order
 * the caller put the members, so the same claims always give the same bytes.
 */
public final class CompactJws {

  /** The only algorithm accepted (RFC 8037). */
  public static final String ALG = "EdDSA";
  /** Longest token parsed; attestations are a few hundred characters. */
  public static final int MAX_TOKEN_CHARS = 8192;

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODE = Base64.getUrlDecoder();
  private static final ObjectMapper STRICT_JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
  };

  private CompactJws() {
  }

  /**
   * Signs {@code payload} under the header {@code {"alg":"EdDSA","kid":<key's kid>,"typ":<typ>}}.
   */
  public static String sign(String typ, JsonObject payload, SigningKey key) {
    JsonObject header = new JsonObject().put("alg", ALG).put("kid", key.kid()).put("typ", typ);
    return sign(header.encode(), payload.encode(), key);
  }

  /**
   * Signs the given header and payload JSON exactly as given. The header must say {@code alg EdDSA}
   * and the key's {@code kid}.
   */
  public static String sign(String headerJson, String payloadJson, SigningKey key) {
    JsonObject header = json(headerJson, "header");
    if (!ALG.equals(header.getValue("alg")) || !key.kid().equals(header.getValue("kid"))) {
      throw new IllegalArgumentException("the header must have alg EdDSA and kid " + key.kid() + ": " + headerJson);
    }
    String signingInput = b64(headerJson) + "." + b64(payloadJson);
    return signingInput + "." + B64.encodeToString(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
  }

  /**
   * Splits and decodes a token without checking its signature.
   *
   * @throws DomainError.Invalid {@code malformed-token} when it is not a compact EdDSA JWS with JSON
   *     header and payload
   */
  public static Parsed parse(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      throw malformed("trống hoặc quá dài", "empty or longer than " + MAX_TOKEN_CHARS + " characters");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw malformed("không có đúng 3 phần", "it does not have exactly three dot-separated parts");
    }
    String headerJson = new String(decode(parts[0]), StandardCharsets.UTF_8);
    String payloadJson = new String(decode(parts[1]), StandardCharsets.UTF_8);
    byte[] signature = decode(parts[2]);
    JsonObject header = json(headerJson, "header");
    if (!ALG.equals(header.getValue("alg"))) {
      throw malformed("thuật toán không được chấp nhận", "alg " + header.getValue("alg") + " is refused; only EdDSA is accepted");
    }
    if (!(header.getValue("kid") instanceof String) || header.containsKey("crit")) {
      throw malformed("thiếu kid hoặc có crit", "the header needs a kid and must not have crit");
    }
    return new Parsed(header, json(payloadJson, "payload"), signature, parts[0] + "." + parts[1]);
  }

  /** A token split into its decoded parts; nothing in it is trusted until {@link #verifiedBy} says so. */
  public record Parsed(JsonObject header, JsonObject payload, byte[] signature, String signingInput) {

    public String kid() {
      return header.getString("kid");
    }

    /** The {@code typ} header, or null. */
    public String typ() {
      return header.getValue("typ") instanceof String typ ? typ : null;
    }

    /** Whether {@code key} made the signature over the header and payload as they were transmitted. */
    public boolean verifiedBy(VerifyingKey key) {
      return key.verify(signingInput.getBytes(StandardCharsets.US_ASCII), signature);
    }
  }

  private static String b64(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes base64url without padding, refusing non-canonical encodings so one token has one spelling. */
  private static byte[] decode(String part) {
    try {
      byte[] bytes = B64_DECODE.decode(part);
      if (part.indexOf('=') >= 0 || !B64.encodeToString(bytes).equals(part)) {
        throw malformed("base64url không chuẩn", "a part is not canonical unpadded base64url");
      }
      return bytes;
    } catch (IllegalArgumentException e) {
      throw malformed("base64url sai", "a part is not base64url");
    }
  }

  private static JsonObject json(String text, String what) {
    try {
      Map<String, Object> members = STRICT_JSON.readValue(text, MAP);
      if (members == null) {
        throw malformed(what + " không phải JSON object", "the " + what + " is not a JSON object");
      }
      return new JsonObject(members);
    } catch (IOException e) {
      throw malformed(what + " không phải JSON hợp lệ", "the " + what + " is not valid JSON (or repeats a member)");
    }
  }

  private static DomainError.Invalid malformed(String vi, String en) {
    return new DomainError.Invalid("malformed-token", "Mã xác thực không hợp lệ: " + vi + " / Malformed token: " + en);
  }
}
