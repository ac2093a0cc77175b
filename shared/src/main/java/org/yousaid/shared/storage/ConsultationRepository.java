package org.yousaid.shared.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yousaid.shared.model.Consultation;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Consultations, stored as one JSON document per META item and listed per council through GSI1. */
public final class ConsultationRepository {

  private static final String TYPE_CONSULTATION = "CONSULTATION";

  private final Table table;

  public ConsultationRepository(Table table) {
    this.table = table;
  }

  public Optional<Consultation> find(String council, String consultationId) {
    return table.document(
        TableLayout.consultationPk(council, consultationId), TableLayout.META, Consultation.class);
  }

  /** Creates or replaces a consultation. */
  public void save(Consultation consultation) {
    table.put(item(consultation));
  }

  /** Creates a consultation only if none has its id; returns false when one already does. */
  public boolean create(Consultation consultation) {
    return table.putNew(item(consultation));
  }

  public List<Consultation> listForCouncil(String council) {
    return table.documents(
        TableQuery.gsi1(TableLayout.councilIndexPk(council)), Consultation.class);
  }

  private static Map<String, AttributeValue> item(Consultation c) {
    Map<String, AttributeValue> item =
        Table.documentItem(
            TableLayout.consultationPk(c.council(), c.id()),
            TableLayout.META,
            TYPE_CONSULTATION,
            c);
    item.put(TableLayout.GSI1_PK, s(TableLayout.councilIndexPk(c.council())));
    item.put(TableLayout.GSI1_SK, s(TableLayout.consultationIndexSk(c.id())));
    item.put("status", s(c.status().name()));
    return item;
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
