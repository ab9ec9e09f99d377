import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppPartUnreachableError, AppUpdatedError, isAppUpdated, useAppUpdate } from './appUpdate';
import { lazyImport } from './lazyImport';

const chunkGone = () => new TypeError('Failed to fetch dynamically imported module: http://h/assets/files-abc.js');

describe('lazyImport', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubEnv('PROD', true);
    useAppUpdate.setState({ available: false }, true);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  it('a load that fails once is tried again, and its module returned; no notice', async () => {
    const load = vi.fn().mockRejectedValueOnce(chunkGone()).mockResolvedValueOnce({ x: 1 });
    const p = lazyImport(load, 'the reader');
    await vi.runAllTimersAsync();
    await expect(p).resolves.toEqual({ x: 1 });
    expect(load).toHaveBeenCalledTimes(2);
    expect(useAppUpdate.getState().available).toBe(false);
  });

  it('twice failed and this build gone from the server (404): the notice, once, and an AppUpdatedError without the raw text', async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response(null, { status: 404 }));
    vi.stubGlobal('fetch', fetchMock);
    const load = vi.fn().mockRejectedValue(chunkGone());
    const p = lazyImport(load, 'the reader');
    const caught = p.catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const err = await caught;
    expect(err).toBeInstanceOf(AppUpdatedError);
    expect(isAppUpdated(err)).toBe(true);
    expect((err as Error).message).toMatch(/^the reader could not be loaded: a new version .* reload/);
    expect((err as Error).message).not.toMatch(/dynamically imported/);
    expect(load).toHaveBeenCalledTimes(2);
    // The question asked: HEAD of this tab's own script, past every cache.
    expect(fetchMock).toHaveBeenCalledWith(expect.any(String), { method: 'HEAD', cache: 'no-store' });
    expect(useAppUpdate.getState()).toMatchObject({ available: true, seenBy: expect.stringContaining('the reader') });
    // A second failure keeps the first reason (one notice).
    const again = lazyImport(load, 'the exporter').catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await again).toBeInstanceOf(AppUpdatedError);
    expect(useAppUpdate.getState().seenBy).toContain('the reader');
  });

  it('no answer from the server: says so (no network?), no notice', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('NetworkError')));
    const p = lazyImport(() => Promise.reject(chunkGone()), 'the reader').catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const err = await p;
    expect(err).toBeInstanceOf(AppPartUnreachableError);
    expect((err as Error).message).toMatch(/no network\?/);
    expect(useAppUpdate.getState().available).toBe(false);
  });

  it('this build still deployed: the original error (a bug, not a deployment), no notice', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(null, { status: 200 })));
    const bug = new SyntaxError('bad module');
    const p = lazyImport(() => Promise.reject(bug), 'the reader').catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await p).toBe(bug);
    expect(useAppUpdate.getState().available).toBe(false);
  });
});
