package vn.binhyen.core.tips;

import java.nio.charset.StandardCharsets;
import vn.binhyen.core.crypto.MasterKey;

/**
 * Seals a tipster's contact and platform account id with AES-GCM under a key derived per tenant
 * from the master key ({@code tenant:<code>} of the unit that received the tip). The receipt is
 * the associated data, so a sealed value cannot be moved to another tip.
 */
final class IdentitySeal {

  private final MasterKey master;

  IdentitySeal(MasterKey master) {
    this.master = master;
  }

  byte[] seal(String keyTenant, String receipt, String field, String value) {
    if (value == null) {
      return null;
    }
    return master.derive("tenant:" + keyTenant)
        .seal(value.getBytes(StandardCharsets.UTF_8), aad(receipt, field));
  }

  String open(String keyTenant, String receipt, String field, byte[] box) {
    if (box == null) {
      return null;
    }
    return new String(master.derive("tenant:" + keyTenant).open(box, aad(receipt, field)),
        StandardCharsets.UTF_8);
  }

  private static byte[] aad(String receipt, String field) {
    return ("tip:" + receipt + ":" + field).getBytes(StandardCharsets.UTF_8);
  }
}
