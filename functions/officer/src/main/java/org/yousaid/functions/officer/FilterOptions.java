package org.yousaid.functions.officer;

import java.util.ArrayList;
import java.util.List;
import org.yousaid.shared.model.AgeBand;
import org.yousaid.shared.model.AreaOfNeed;
import org.yousaid.shared.model.Channel;
import org.yousaid.shared.model.ChoiceOption;
import org.yousaid.shared.model.Coded;
import org.yousaid.shared.model.Consultation;
import org.yousaid.shared.model.Role;

/** The choices offered by the response filter form. */
public record FilterOptions(
    List<ChoiceOption> questions,
    List<ChoiceOption> roles,
    List<ChoiceOption> ageBands,
    List<ChoiceOption> areas,
    List<ChoiceOption> districts,
    List<ChoiceOption> channels) {

  public static FilterOptions of(Consultation c) {
    return new FilterOptions(
        c.questions().stream().map(q -> new ChoiceOption(q.id(), q.text())).toList(),
        options(Role.values()),
        options(AgeBand.values()),
        options(AreaOfNeed.values()),
        c.districts().stream().map(d -> new ChoiceOption(d, d)).toList(),
        options(Channel.values()));
  }

  private static <E extends Enum<E> & Coded> List<ChoiceOption> options(E[] values) {
    List<ChoiceOption> list = new ArrayList<>();
    for (E v : values) {
      list.add(new ChoiceOption(v.code(), v.label()));
    }
    return list;
  }
}
