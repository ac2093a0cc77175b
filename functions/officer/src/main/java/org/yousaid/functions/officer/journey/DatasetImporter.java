package org.yousaid.functions.officer.journey;

import com.github.f4b6a3.ulid.UlidCreator;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.yousaid.functions.officer.oruk.FeedFetcher;
import org.yousaid.functions.officer.oruk.OrukFeed;
import org.yousaid.shared.services.OrukService;
import org.yousaid.shared.services.ServiceDirectory;
import org.yousaid.shared.storage.CouncilDatasets;
import org.yousaid.shared.storage.DatasetImport;
import org.yousaid.shared.submission.ProblemException;
import org.yousaid.shared.validation.FieldError;

/**
 * The council-wide imports (DfE timeliness figures, SEND population counts, Open Referral UK
 * services), for the officer pages and the officer API alike: each reads the file or feed, replaces
 * the council's dataset only if all of it is right, and keeps an audit record of the attempt, kept
 * or refused ({@link DatasetImport}: who, when, which file or address, rows kept, refused and left
 * out, which import it replaced). Nothing the file says is kept in the record or logged.
 */
public final class DatasetImporter {

  private final CouncilDatasets datasets;
  private final FeedFetcher fetcher;
  private final Clock clock;

  public DatasetImporter(CouncilDatasets datasets, FeedFetcher fetcher, Clock clock) {
    this.datasets = datasets;
    this.fetcher = fetcher;
    this.clock = clock;
  }

  /** A kept import's record and the dataset it stored. */
  public record Imported<T>(DatasetImport record, T dataset) {}

  /**
   * @param area the council's new or old LA code, or its name, as the DfE file has it
   */
  public Imported<EhcTimeliness> timeliness(
      String council, String officer, byte[] bytes, String fileName, String area) {
    return run(
        council,
        Datasets.TIMELINESS,
        officer,
        fileName,
        false,
        () -> DfeEhcpCsv.read(bytes, fileName, area, clock.instant()),
        t -> (int) t.figures().stream().map(f -> f.area() + "|" + f.period()).distinct().count(),
        EhcTimeliness::otherRowsSkipped,
        () ->
            datasets
                .load(council, Datasets.TIMELINESS, EhcTimeliness.class)
                .map(t -> new DatasetImport.Replaced(t.fileName(), t.importedAt())));
  }

  public Imported<SendPopulation> population(
      String council, String officer, byte[] bytes, String fileName) {
    return run(
        council,
        Datasets.POPULATION,
        officer,
        fileName,
        false,
        () -> SendPopulationCsv.read(bytes, fileName, clock.instant()),
        p -> p.groups().size(),
        p -> 0,
        () ->
            datasets
                .load(council, Datasets.POPULATION, SendPopulation.class)
                .map(p -> new DatasetImport.Replaced(p.fileName(), p.importedAt())));
  }

  /** A feed's JSON, uploaded as a file or sent to the API. */
  public Imported<ServiceDirectory> servicesFile(
      String council, String officer, byte[] bytes, String fileName) {
    String source = fileName == null || fileName.isBlank() ? "uploaded file" : fileName;
    return services(council, officer, source, false, "file", () -> OrukFeed.read(bytes).services());
  }

  /** A feed fetched from its web address, page by page ({@link FeedFetcher}). */
  public Imported<ServiceDirectory> servicesFromWeb(String council, String officer, String url) {
    if (url == null || url.isBlank()) {
      throw ProblemException.invalid(
          List.of(new FieldError("url", "Enter the feed's web address")));
    }
    return services(council, officer, url.trim(), true, "url", () -> fetcher.fetch(url));
  }

  private Imported<ServiceDirectory> services(
      String council,
      String officer,
      String source,
      boolean fromWeb,
      String field,
      Supplier<List<OrukService>> read) {
    return run(
        council,
        Datasets.SERVICES,
        officer,
        source,
        fromWeb,
        () -> {
          List<OrukService> services = read.get();
          if (services.isEmpty()) {
            throw ProblemException.invalid(
                List.of(new FieldError(field, "The feed has no services.")));
          }
          return new ServiceDirectory(source, clock.instant(), services);
        },
        d -> d.services().size(),
        d -> 0,
        () ->
            datasets
                .load(council, Datasets.SERVICES, ServiceDirectory.class)
                .map(d -> new DatasetImport.Replaced(d.source(), d.importedAt())));
  }

  /** The council's imports of one dataset, newest first. */
  public List<DatasetImport> history(String council, String dataset) {
    return datasets.imports(council, dataset);
  }

  private <T> Imported<T> run(
      String council,
      String dataset,
      String officer,
      String source,
      boolean fromWeb,
      Supplier<T> read,
      java.util.function.ToIntFunction<T> accepted,
      java.util.function.ToIntFunction<T> skipped,
      Supplier<java.util.Optional<DatasetImport.Replaced>> before) {
    String id = UlidCreator.getMonotonicUlid().toString();
    String name = source == null || source.isBlank() ? "uploaded file" : source;
    T kept;
    try {
      kept = read.get();
    } catch (ProblemException refused) {
      if (refused.status() == 400 || refused.status() == 413) {
        datasets.recordImport(
            council,
            new DatasetImport(
                id,
                dataset,
                clock.instant(),
                officer,
                name,
                fromWeb,
                false,
                0,
                Math.max(1, refused.errors().size()),
                0,
                null));
      }
      throw refused;
    }
    DatasetImport.Replaced replaced = before.get().orElse(null);
    datasets.save(council, dataset, kept);
    DatasetImport record =
        new DatasetImport(
            id,
            dataset,
            clock.instant(),
            officer,
            name,
            fromWeb,
            true,
            accepted.applyAsInt(kept),
            0,
            skipped.applyAsInt(kept),
            replaced);
    datasets.recordImport(council, record);
    return new Imported<>(record, kept);
  }
}
