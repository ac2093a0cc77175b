package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.f4b6a3.ulid.Ulid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Answer;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.RespondentProfile;
import org.yousaid.shared.model.Response;
import org.yousaid.shared.storage.TableLayout;
import org.yousaid.testing.CountingDynamoDb;
import org.yousaid.testing.DynamoTable;
import org.yousaid.testing.WithDynamoDb;

/**
 * Looking at the comments register costs the same however many answers the council holds: after the
 * first look, the register's page reads only the responses stored since (counted in the items
 * DynamoDB Local returns to the officer function), and a parent's new comment is still on it.
 */
class RegisterViewReadsTest {

  @WithDynamoDb DynamoTable table;

  @Test
  void aSecondLookReadsOnlyTheNewResponses() {
    List<CountingDynamoDb> counter = new ArrayList<>();
    OfficerFixture fixture =
        new OfficerFixture(
            table,
            client -> {
              CountingDynamoDb counting = new CountingDynamoDb(client, TableLayout.RESPONSE_PREFIX);
              counter.add(counting);
              return counting;
            });
    OfficerSession officer = fixture.officer("register@demo.example", OfficerFixture.COUNCIL);
    // 200 comments sent a day ago (their ids say so, as a ULID does).
    Random random = new Random(3);
    List<Response> older = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      byte[] entropy = new byte[10];
      random.nextBytes(entropy);
      Instant at = Instant.now().minus(Duration.ofDays(1)).plusSeconds(i);
      older.add(
          new Response(
              new Ulid(at.toEpochMilli(), entropy).toString(),
              OfficerFixture.COUNCIL,
              OfficerFixture.LOCAL_OFFER,
              at,
              Channel.WEB,
              List.of(Answer.text("anything-else", "an older comment number " + i)),
              RespondentProfile.EMPTY,
              false,
              "RCPTVIEW" + i,
              at.plus(Duration.ofDays(30)).getEpochSecond(),
              null));
    }
    fixture.services.responses().insertBulk(older);
    String register = "/officer/councils/" + OfficerFixture.COUNCIL + "/register";

    counter.get(0).reset();
    OfficerSession.Reply first = officer.get(register);
    assertEquals(200, first.status());
    assertTrue(first.body().contains("an older comment number 199"));
    assertEquals(200, counter.get(0).itemsRead(), "the first look reads every response once");

    counter.get(0).reset();
    assertEquals(200, officer.get(register).status());
    assertEquals(0, counter.get(0).itemsRead(), "a second look reads no response");

    assertEquals(
        201,
        fixture.answer(
            OfficerFixture.PAGE_FEEDBACK,
            "{\"answers\":{\"useful\":\"no\",\"comment\":\"the transport page is out of date\"}}"));
    counter.get(0).reset();
    OfficerSession.Reply third = officer.get(register);
    assertTrue(third.body().contains("the transport page is out of date"));
    assertEquals(1, counter.get(0).itemsRead(), "only the new response is read");
    assertFalse(third.body().contains("RCPTVIEW"), "receipt codes are not on the page");
  }
}
