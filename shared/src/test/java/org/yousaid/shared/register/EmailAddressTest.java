package org.yousaid.shared.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The addresses people type, and the ones an attacker would: nothing can add a header. */
class EmailAddressTest {

  @Test
  void acceptsWhatPeopleTypeWithoutTheSpacesAround() {
    assertEquals(
        Optional.of("jo.bloggs+send@council.gov.uk"),
        EmailAddress.parse(" jo.bloggs+send@council.gov.uk "));
    assertEquals(Optional.of("O'Neil@example.co.uk"), EmailAddress.parse("O'Neil@example.co.uk"));
  }

  @Test
  void refusesAnythingThatIsNotOneAddress() {
    for (String bad :
        new String[] {
          null,
          "",
          "parent at home",
          "parent@",
          "@example.com",
          "parent@example",
          "parent@@example.com",
          "a@b@example.com",
          "parent@example.com\r\nBcc: spy@evil.example",
          "parent@example.com\nSubject: hi",
          "parent@example.com, other@example.com",
          "Parent <parent@example.com>",
          "par ent@example.com",
          ".parent@example.com",
          "par..ent@example.com",
          "parent@-example.com",
          "x".repeat(65) + "@example.com",
          "a@" + "b".repeat(250) + ".com"
        }) {
      assertTrue(EmailAddress.parse(bad).isEmpty(), "accepted " + bad);
    }
  }
}
