package io.vigia.enrich.dedup;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;

/**
 * RocksDB settings for the dedup state, which takes many small writes (stored articles, exact keys,
 * the eviction index; the LSH buckets were in it too until they moved to memory) and point reads:
 * larger memtables and a larger first level keep the tree shallow as it grows to millions of keys
 * (fewer levels to look through per read, less rewriting per write), and a larger block cache keeps
 * recently read articles in memory.
 */
public final class DedupRocksDbConfig implements RocksDBConfigSetter {
  private static final long CACHE_BYTES = 256L * 1024 * 1024;
  private static final long WRITE_BUFFER_BYTES = 64L * 1024 * 1024;

  private Cache cache;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    cache = new LRUCache(CACHE_BYTES);
    table.setBlockCache(cache);
    options.setTableFormatConfig(table);
    options.setWriteBufferSize(WRITE_BUFFER_BYTES);
    options.setMaxWriteBufferNumber(3);
    options.setTargetFileSizeBase(WRITE_BUFFER_BYTES);
    options.setMaxBytesForLevelBase(8 * WRITE_BUFFER_BYTES);
  }

  @Override
  public void close(String storeName, Options options) {
    if (cache != null) {
      cache.close();
    }
  }
}
