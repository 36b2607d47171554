package vn.binhyen.core.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.binhyen.core.error.DomainError;
import vn.binhyen.core.identity.Role;

class AccessPolicyTest {

  private final AccessPolicy policy = new AccessPolicy();

  private static Principal at(String path, Role role) {
    return new Principal(1, "u", "U", 1, "x", path, role, "s", "j", 0);
  }

  @Test
  void officer_acts_on_own_ward_only() {
    Principal officer = at("BCA/01/00004", Role.OFFICER);
    assertTrue(policy.allows(officer, "BCA/01/00004", Action.OPERATE));
    assertTrue(policy.allows(officer, "BCA/01/00004", Action.READ_IDENTITY));
    assertFalse(policy.allows(officer, "BCA/01/00070", Action.READ), "sibling ward");
    assertFalse(policy.allows(officer, "BCA/01", Action.READ), "parent province");
    assertFalse(policy.allows(officer, "BCA/01/00004", Action.MANAGE));
  }

  @Test
  void unit_admin_manages_subtree_but_never_sees_identities() {
    Principal admin = at("BCA/01", Role.UNIT_ADMIN);
    assertTrue(policy.allows(admin, "BCA/01/00004", Action.MANAGE));
    assertTrue(policy.allows(admin, "BCA/01", Action.OPERATE));
    assertFalse(policy.allows(admin, "BCA/01/00004", Action.OPERATE), "a ward's daily work is the ward's");
    assertFalse(policy.allows(admin, "BCA/01/00004", Action.READ_IDENTITY));
    assertFalse(policy.allows(admin, "BCA/66", Action.READ), "other province");
    assertFalse(policy.allows(admin, "BCA", Action.READ), "the ministry above");
  }

  @Test
  void a_path_prefix_that_is_not_a_subtree_is_refused() {
    Principal admin = at("BCA/01", Role.UNIT_ADMIN);
    assertFalse(policy.allows(admin, "BCA/010", Action.READ));
  }

  @Test
  void supervisor_only_reads_subtree() {
    Principal sup = at("BCA/66", Role.SUPERVISOR);
    assertTrue(policy.allows(sup, "BCA/66/24133", Action.READ));
    assertFalse(policy.allows(sup, "BCA/66", Action.MANAGE));
    assertFalse(policy.allows(sup, "BCA/66", Action.OPERATE));
    assertFalse(policy.allows(sup, "BCA/66/24133", Action.READ_IDENTITY));
  }

  @Test
  void ministry_admin_manages_everything_but_reads_no_identity() {
    Principal m = at("BCA", Role.MINISTRY_ADMIN);
    assertTrue(policy.allows(m, "BCA/66/24133", Action.MANAGE));
    assertFalse(policy.allows(m, "BCA/66/24133", Action.READ_IDENTITY));
    assertThrows(DomainError.Forbidden.class, () -> policy.check(m, "BCA/66/24133", Action.READ_IDENTITY));
  }
}
