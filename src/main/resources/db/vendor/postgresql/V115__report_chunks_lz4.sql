-- Report files are compressed with LZ4 rather than PostgreSQL's default pglz: about as small for
-- CSV and PDF (a 263 MiB CSV of 1 million logs takes 106 MiB either way), and writing a large
-- report's chunks is about three times faster. A server built without LZ4 keeps pglz.
do $$
begin
    alter table report_chunks alter column data set compression lz4;
exception
    when feature_not_supported or invalid_parameter_value then
        raise notice 'LZ4 is not available on this server: report chunks stay compressed with pglz';
end
$$;
