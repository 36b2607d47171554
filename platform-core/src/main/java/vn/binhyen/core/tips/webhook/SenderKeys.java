package vn.binhyen.core.tips.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.binhyen.core.crypto.MasterKey;

/**
 * The keyed hash that links one platform user's messages to one page without storing who they
 * are: HMAC-SHA256 of {@code "<channel id>:<platform user id>"} under the sub-key
 * {@code "sender:<unit code>"} of the master key. Without the master key it can be neither
 * reversed nor recomputed from a guessed id; a different unit (or page) gives a different hash.
 */
final class SenderKeys {

  private final MasterKey master;

  SenderKeys(MasterKey master) {
    this.master = master;
  }

  byte[] of(String unitCode, long channelId, String platformUserId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master.deriveBytes("sender:" + unitCode), "HmacSHA256"));
      return mac.doFinal((channelId + ":" + platformUserId).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
