package org.yousaid.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Names and named staff, attacked the way parents write them. */
class NamesTest {
  private static final Redaction R = Redaction.standard();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // lower case, full names, lone first names, sentence starts
        "my son jack has autism|my son [name] has autism",
        "sarah jones is my daughter|[name] is my daughter",
        "Oliver Smith needs a specialist school|[name] needs a specialist school",
        "I asked Grace what she wanted|I asked [name] what she wanted",
        "Grace has been out of school since Easter|[name] has been out of school since Easter",
        "Mark needs a one to one at lunchtime|[name] needs a one to one at lunchtime",
        "olivia goes to the local nursery|[name] goes to the local nursery",
        // possessives, straight and curly apostrophes, odd spacing
        "jack's teacher told us he is naughty|[name]'s teacher told us he is naughty",
        "Jack’s dad and I have separated|[name]’s dad and I have separated",
        "ask  Sophie   about it|ask  [name]   about it",
        "my son\u00a0Jack needs help|my son\u00a0[name] needs help",
        // hyphens, apostrophes inside names, accents, zero-width characters
        "Lily-Mae is 7|[name] is 7",
        "my grandson Tyler-Jay needs transport|my grandson [name] needs transport",
        "Seán O'Brien is my son|[name] is my son",
        "Chloé has hearing loss|[name] has hearing loss",
        "Em\u200Bily was excluded|[name] was excluded",
        // names with ages
        "Freya (6) cannot manage the school day|[name] (6) cannot manage the school day",
        "Noah, 6, attends nursery|[name], 6, attends nursery",
        "Mia aged 10 was excluded|[name] aged 10 was excluded",
        "i have two kids jayden 11 and tia 8|i have two kids [name] 11 and [name] 8",
        "my daughter May is 4|my daughter [name] is 4",
        // word-names in a name context, in any case
        "my son will is 8 and loves trains|my son [name] is 8 and loves trains",
        "our daughter hope needs a wheelchair taxi|our daughter [name] needs a wheelchair taxi",
        "Our daughter Summer has PDA|Our daughter [name] has PDA",
        "Rose and her brother Finn are autistic|[name] and her brother [name] are autistic",
        "Kaydence is my granddaughter|[name] is my granddaughter",
        "a boy called Zephyr hits him|a boy called [name] hits him",
        "my son (jack) hates school|my son ([name]) hates school",
        "I'm Aoife and I want a say|I'm [name] and I want a say",
      })
  void namesAreRedacted(String text, String redacted) {
    assertEquals(redacted, R.redact(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Mrs Patel the SENCo has been a lifeline|[staff] the SENCo has been a lifeline",
        "We saw Dr Okafor at the clinic|We saw [staff] at the clinic",
        "our caseworker karen never replies|our caseworker [staff] never replies",
        "the key worker, Janet, is off sick|the key worker, [staff], is off sick",
        "Claire, our caseworker, has been great|[staff], our caseworker, has been great",
        "Sue from the SEND team was lovely|[staff] from the SEND team was lovely",
        "mr jones said there was no funding|[staff] said there was no funding",
        "we saw ms. kaur last week|we saw [staff] last week",
        "Mrs.Patel said no|[staff] said no",
        "Dr. Lucy Chambers diagnosed him|[staff] diagnosed him",
        "Miss J in year 2 was wonderful|[staff] in year 2 was wonderful",
        "Mrs O’Neill chaired the review|[staff] chaired the review",
        "our paediatrician dr singh is great|our paediatrician [staff] is great",
        "his OT Jenny did a sensory profile|his OT [staff] did a sensory profile",
        "Taxi driver Gary is great with him|Taxi driver [staff] is great with him",
      })
  void namedStaffAreRedacted(String text, String redacted) {
    assertEquals(redacted, R.redact(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Grace period for the forms would help",
        "I am grateful for the grace period",
        "Will the council publish the results?",
        "It will take years at this rate",
        "my son will be 8 in May",
        "my daughter may need a new plan",
        "Hope this feedback helps",
        "We live in hope that things will improve",
        "Hope is all we have left",
        "Please mark this as urgent",
        "We will mark the date in our diary",
        "the car jack was in the boot",
        "We planted a rose for my mum",
        "May is when the annual review is due",
        "in may we finally got the plan",
        "March was the worst month",
        "Summer holidays are so hard for us",
        "The kids Summer holidays are hard",
        "we may have to sue the council",
        "we had a frank conversation with the head",
        "the number of children rose to 40",
        "Our caseworker has changed 5 times",
        "the SENCo at his school is fantastic",
        "Seeing my nurse helped",
        "after the GP Visit nothing happened",
        "our daughters Issues are not severe enough",
        "the Parent Carer Forum ran a session",
        "we miss school when he is ill",
        "he loves Mr Tumble",
        "we were sent to the Child Development Centre",
        "I will keep fighting for him",
        "my baby is 2 years old",
      })
  void ordinaryWordsAreNotNames(String text) {
    assertEquals(text, R.redact(text));
  }
}
