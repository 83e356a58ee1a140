// The housekeeping tests, unchanged, on PostgreSQL: the job's lease across instances, each kind pruned past its
// retention, and the prune in bounded batches with its budget per run.
import './usePostgres';
import '../housekeeping/housekeeping.test';
import '../housekeeping/batches.test';
