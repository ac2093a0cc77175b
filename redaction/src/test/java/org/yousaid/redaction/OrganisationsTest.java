package org.yousaid.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Schools and other organisations, and the public services that must survive. */
class OrganisationsTest {
  private static final Redaction R = Redaction.standard();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "He goes to St Mary's Primary School|He goes to [school]",
        "she attends St Mary’s C of E Primary now|she attends [school] now",
        "he went to st marys for reception|he went to [school] for reception",
        "my son (jack) goes to St.Mary's|my son ([name]) goes to [school]",
        "St. Joseph's RC Primary wouldn't take him|[school] wouldn't take him",
        "St Anne's Church of England Junior School said no|[school] said no",
        "Saint Peter's was brilliant|[school] was brilliant",
        "she was moved from Riverside High after the bullying|"
            + "she was moved from [school] after the bullying",
        "my daughter goes to riverside high and the senco is great|"
            + "my daughter goes to [school] and the senco is great",
        "Oakwood Academy said they could not meet his needs|"
            + "[school] said they could not meet his needs",
        "oakwood academy said no|[school] said no",
        "Westgate Primary had no SENCo for a term|[school] had no SENCo for a term",
        "Greenfield Secondary has an inclusion unit|[school] has an inclusion unit",
        "Warwickshire College offered nothing|[school] offered nothing",
        "olivia goes to little acorns nursery|[name] goes to [school]",
        "Lillington Nursery picked it up|[school] picked it up",
        "the lillington primary is small|the [school] is small",
        "Holy Trinity CE Primary were great|[school] were great",
        "Sacred Heart wouldn't take him|[school] wouldn't take him",
        "Kenilworth School has an autism base|[school] has an autism base",
        "Our Lady of Lourdes were fantastic|[school] were fantastic",
        "Oakwood Academy's SENCo left|[school]'s SENCo left",
        "Meadowbrook Surgery refused to refer us|[organisation] refused to refer us",
        "the consultant at Warwick Hospital agreed|the consultant at [organisation] agreed",
        "Rainbow Club is the only club that takes him|"
            + "[organisation] is the only club that takes him",
        "Tiny Steps Ltd runs the holiday scheme|[organisation] runs the holiday scheme",
        "we go to Sunflower Support Group on Thursdays|we go to [organisation] on Thursdays",
        "Coventry and Warwickshire Partnership Trust has a long wait|[organisation] has a long wait",
        "Birmingham Children's Hospital diagnosed him|[organisation] diagnosed him",
        "St Mary's Hospital did the scan|[organisation] did the scan",
        "St Mary's close to home was ideal|[school] close to home was ideal",
        "Riverside High way better than the last|[school] way better than the last",
      })
  void schoolsAndOrganisationsAreRedacted(String text, String redacted) {
    assertEquals(redacted, R.redact(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The Local Offer website is out of date",
        "The SEND team have been more responsive",
        "speech and language therapy is impossible to get",
        "He is starting high school in September",
        "primary school was fine, secondary is a nightmare",
        "Secondary school was a nightmare",
        "the special school is 20 miles away",
        "a mainstream school with a resource base would suit him",
        "The high school he is at has no idea about autism",
        "the Virtual School have been great",
        "The Hospital School taught her while she was ill",
        "Sunday school is the only place he goes",
        "forest school at nursery was brilliant",
        "we home school now",
        "his grammar school won't make adjustments",
        "the academy said no",
        "CAMHS discharged him after one appointment",
        "Our EHC plan took 30 weeks",
        "the council never answer the phone",
        "Warwickshire County Council needs to listen",
        "we were sent to the Child Development Centre",
        "the children's centre closed",
        "Carers Trust helped us",
        "The National Autistic Society website helped",
        "St Albans is where his grandparents live",
        "on the High Street there is no step free access",
        "the High Needs Block is overspent",
        "he has high levels of anxiety",
        "the Parent Carer Forum ran a great session",
        "the NHS Trust has a long wait",
        "the after school club said no",
        "We love the Saturday Club",
        "Great school, shame about the transport",
        "the SEND Code of Practice says so",
        "SENDIASS helped us with the appeal",
      })
  void publicServicesAndGenericPhrasesSurvive(String text) {
    assertEquals(text, R.redact(text));
  }
}
