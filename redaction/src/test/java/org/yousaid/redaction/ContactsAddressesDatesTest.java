package org.yousaid.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Phones, emails, postcodes, NHS numbers, addresses and dates of birth. */
class ContactsAddressesDatesTest {
  private static final Redaction R = Redaction.standard();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "07700 900123",
        "07 700 900 789",
        "077009 00267",
        "07700-900-318",
        "07700900456",
        "+44 (0)7700 900321",
        "+44 7700 900456",
        "+447700900456",
        "0044 7700 900 456",
        "(01632) 960 987",
        "(0113) 496 0722",
        "01632 960 123",
        "020 7946 0958",
        "0121 496 0391",
        "0300 555 0123",
        "07700.900.123",
      })
  void ukPhoneNumbersInAnyGrouping(String phone) {
    assertEquals("ring [phone] after 6", R.redact("ring " + phone + " after 6"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "we waited 18 months 07 to 09 was the worst",
        "the review was 20/05/2023 and 01.09.2014",
        "the 0-25 service",
        "Costs £12,500 a year and 0.5 of a TA",
        "Reference 123 456 7890 please",
        "We were offered 24 nights in 2015",
        "Room 101 at the Civic Centre is not accessible",
        "we spent 3 years at nursery before moving",
        "2 kids close in age",
        "a 30 minute drive each way",
        "we went down the road to the shop",
        "on our street there is no pavement",
        "a council estate is not safe for him",
        "We use the estate behind Tesco for walks",
        "on the High Street there is no step free access",
        "we applied in May 2014 and heard nothing",
        "the review is on 12/03/2024",
        "He was diagnosed on 3rd March 2019",
        "born and raised in Coventry, we know the area",
        "He was born early and we applied on 3 May 2019",
      })
  void numbersDatesAndPlacesThatAreNotPersonalDataSurvive(String text) {
    assertEquals(text, R.redact(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "email me at jo.clarke@example.co.uk|email me at [email]",
        "MUM2BOYS@EXAMPLE.CO.UK|[email]",
        "we live in CV34 4RL|we live in [postcode]",
        "we live at cv34 6lb|we live at [postcode]",
        "NHS number 943 476 5919|NHS number [nhs number]",
        "450-557-7104 is her NHS number|[nhs number] is her NHS number",
        "NHS number 627 232 8601 (I may have a digit wrong)|NHS number [nhs number] (I may have a digit wrong)",
        "his nhs no: 6272328601|his nhs no: [nhs number]",
        "We live at 12 Acacia Avenue now|We live at [address] now",
        "flat 6, 22 station road please|[address] please",
        "we live at Flat 2, Mill Lane in Leamington|we live at [address] in Leamington",
        "Flat 1, The Maltings|[address]",
        "the taxi can't turn round on Mill Lane|the taxi can't turn round on [address]",
        "we live on mill lane and there is no pavement|we live on [address] and there is no pavement",
        "down elm grove|down [address]",
        "We live on Tennyson Road near the park|We live on [address] near the park",
        "send it to 14 Cherry Tree Close, Rugby|send it to [address], Rugby",
        "we live at 14 kingfisher way|we live at [address]",
        "the house at 12 St Mary's Road has no ramp|the house at [address] has no ramp",
        "we live on the Lillington estate|we live on the [address]",
        "4 Church St|[address]",
        "He was born in May 2014|He was born in [date of birth]",
        "DOB 3rd March 2015|DOB [date of birth]",
        "he was born 12/03/2015 and diagnosed at 4|he was born [date of birth] and diagnosed at 4",
        "born on the 3rd march 2015|born on [date of birth]",
        "D.O.B. 30/04/2011|D.O.B. [date of birth]",
        "Date of birth: 14 June 2013|Date of birth: [date of birth]",
        "his birthday's 3rd March|his birthday's [date of birth]",
        "born March 3rd, 2015|born [date of birth]",
        "he was born at 26 weeks on 3 May 2015|he was born at 26 weeks on [date of birth]",
        "Charlie was born in 2012 and has waited|[name] was born in [date of birth] and has waited",
        "Born May 2014, diagnosed 2018|Born [date of birth], diagnosed 2018",
      })
  void shapedPersonalDataIsRedacted(String text, String redacted) {
    assertEquals(redacted, R.redact(text));
  }
}
