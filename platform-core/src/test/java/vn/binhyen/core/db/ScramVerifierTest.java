package vn.binhyen.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScramVerifierTest {

  @Test
  void matches_the_verifier_postgresql_computes_for_the_same_password_and_salt() {
    // PostgreSQL 17: SET password_encryption = 'scram-sha-256'; the verifier stored for 'abc'
    // with this salt (cDveJ3QnEWhcCm4Y+VlDdA==), read back from pg_authid.
    byte[] salt = java.util.Base64.getDecoder().decode("cDveJ3QnEWhcCm4Y+VlDdA==");
    assertEquals("SCRAM-SHA-256$4096:cDveJ3QnEWhcCm4Y+VlDdA==$MtXnrtrEf/p+gfgpWSMyi4b+juxsrTnZKND51TCB/08="
        + ":tZdjmSv/ZAo9mcd9x0axccSit4YgXxE7YQjTYOhdYA0=", ScramVerifier.of("abc", salt, 4096));
  }

  @Test
  void refuses_text_that_saslprep_would_change() {
    assertThrows(IllegalArgumentException.class, () -> ScramVerifier.of("mật khẩu"));
    assertThrows(IllegalArgumentException.class, () -> ScramVerifier.of("with space"));
  }
}
