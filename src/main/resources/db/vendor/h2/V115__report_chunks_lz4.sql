-- PostgreSQL compresses report chunks with LZ4 from this version on (db/vendor/postgresql);
-- H2 has no such setting, so here the version only keeps the two histories in step.
select 1;
