package org.yousaid.analysis.sharded;

import java.util.List;
import java.util.Optional;

/**
 * Where a sharded run keeps its shards and their results: a directory on this machine ({@link
 * DirectoryObjectStore}) or, in AWS, an S3 bucket (the analysis worker's {@code S3ObjectStore}).
 * Keys are relative paths such as {@code runs/abc/input/000003.jsonl}.
 */
public interface ObjectStore {
  void put(String key, byte[] bytes);

  /** The object's bytes, or empty if there is none under this key. */
  Optional<byte[]> get(String key);

  /** Every key that starts with this prefix, in key order. */
  List<String> list(String prefix);

  /** Deletes every object under this prefix (a finished run's shards). */
  void deleteAll(String prefix);
}
