// An unexpected error (here: the write of the predictions throws) must still end the run as failed,
// with our message rather than the error's text, and leave the predictions untouched.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeConnection } from '@/db';
import { getModelRun } from '@/db/queries/model-runs';
import { getPredictionSummary } from '@/db/queries/predictions';
import { runModelNow } from '@/lib/predictions/run-model-for-workspace';
import { CDNOW_SAMPLE_INPUT, createTestWorkspace, importText, readCdnowSample } from '@/tests/helpers/db';

vi.mock('@/db/queries/complete-model-run', () => ({
  completeModelRun: async () => {
    throw new Error('connection reset by peer');
  },
}));

afterAll(closeConnection);

describe('a run that hits an unexpected error', () => {
  it('ends failed with a plain message and logs the error', async () => {
    const target = await createTestWorkspace('unexpected');
    await importText(target, readCdnowSample(300), CDNOW_SAMPLE_INPUT);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const result = await runModelNow({ workspaceId: target.workspace.id });
    const message = 'stopped by an unexpected error (details in the server log)';
    expect(result).toMatchObject({ status: 'failed', message });
    expect(await getModelRun(target.workspace.id, result.runId)).toMatchObject({ status: 'failed', message });
    expect(String(logged.mock.calls[0]?.[1])).toMatch(/connection reset by peer/);
    expect(await getPredictionSummary(target.workspace.id)).toBeNull();
    logged.mockRestore();
  });
});
