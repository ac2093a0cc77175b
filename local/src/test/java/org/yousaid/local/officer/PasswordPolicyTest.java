package org.yousaid.local.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/** What bin/officer and local mode accept as an officer's password. */
class PasswordPolicyTest {

  private static final String EMAIL = "sam.jones@council.example";

  @Test
  void aLongUncommonPasswordIsAccepted() {
    assertEquals(Optional.empty(), PasswordPolicy.problem(EMAIL, "plum orchard lantern 47"));
  }

  @Test
  void shortPasswordsAreRefused() {
    assertTrue(PasswordPolicy.problem(EMAIL, "Xk3!pq9#Lm2").orElseThrow().contains("12"));
    // 11 characters and one emoji (two UTF-16 units) is still 12 characters, not 13.
    assertTrue(PasswordPolicy.problem(EMAIL, "Xk3!pq9#Lm\uD83D\uDE00").isPresent());
  }

  @Test
  void commonPasswordsAreRefusedWhateverTheirCaseAndSpaces() {
    for (String common :
        new String[] {
          "password1234",
          "Password1234",
          "PASSWORD 1234",
          "qwertyuiop123",
          "123456789012",
          "September2026",
          "Winter2025!!",
          "Consultation1"
        }) {
      assertTrue(PasswordPolicy.problem(EMAIL, common).orElse("").contains("too easy"), common);
    }
    assertTrue(PasswordPolicy.problem(EMAIL, "aaaaaaaaaaaaaaaa").isPresent(), "one character");
    assertTrue(PasswordPolicy.problem(EMAIL, "abababababab").isPresent(), "two characters");
  }

  @Test
  void theEmailOrItsNameIsRefused() {
    assertTrue(PasswordPolicy.problem(EMAIL, EMAIL).orElse("").contains("email"));
    assertTrue(PasswordPolicy.problem(EMAIL, "SAM.JONES@council.example").isPresent());
    assertTrue(PasswordPolicy.problem(EMAIL, "Sam.Jones-2026-spring").isPresent());
  }

  @Test
  @WithDynamoDb
  void accountsCannotBeSavedWithARefusedPassword(DynamoTable table) {
    LocalOfficers officers =
        new LocalOfficers(
            org.yousaid.shared.storage.Storage.of(
                    table.client(), table.name(), java.time.Clock.systemUTC())
                .table());
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> officers.save(EMAIL, "password1234", Set.of("demo")));
    assertTrue(refused.getMessage().contains("too easy"));
    assertTrue(!officers.exists(EMAIL));
  }

  /**
   * A sign-in with an unknown email runs the same Argon2id work as one with a known email: the hash
   * it checks against has the stored hashes' parameters (memory, iterations, lanes), so the two
   * take the same time and the response time does not tell whether an account exists.
   */
  @Test
  void anUnknownEmailCostsTheSameHashAsAKnownOne() {
    String stored = PasswordHasher.hash("plum orchard lantern 47");
    assertEquals(parameters(stored), parameters(LocalOfficers.DUMMY_HASH));
    assertTrue(parameters(stored).contains("m=19456,t=2,p=1"), parameters(stored));
  }

  private static String parameters(String phc) {
    String[] parts = phc.split("\\$");
    return parts[1] + "$" + parts[2] + "$" + parts[3];
  }
}
