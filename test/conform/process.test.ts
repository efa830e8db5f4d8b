/**
 * The subject process manager against misbehaving programs: each failure is named, arrives
 * within its limit (never a hang of the suite), and leaves no process behind.
 */
import { describe, expect, it } from 'vitest';
import { execSync } from 'node:child_process';
import { SubjectProcess } from '../../src/conform/process/subjectProcess.js';
import { SubjectSession } from '../../src/conform/run/subjectSession.js';
import { SubjectFailure } from '../../src/conform/protocol/subjectFailure.js';

const node = (script: string) => `node -e ${JSON.stringify(script).replace(/\$/g, '\\$')}`;
const limits = (timeoutMs = 2000, maxBytes = 10_000) => ({ timeoutMs, maxBytes, label: 'request 1 (hessian)' });

/** Live (non-zombie) processes of a process group: a killed grandchild may linger as a zombie until reaped. */
function liveInGroup(pgid: number): number {
  try {
    return execSync(`ps -o stat= -g ${pgid}`, { encoding: 'utf8' }).split('\n').filter((l) => l.trim() && !l.trim().startsWith('Z')).length;
  } catch {
    return 0; // ps exits 1 when the group is empty
  }
}

function alive(pid: number): boolean {
  return liveInGroup(pid) > 0;
}

async function failureOf(p: Promise<unknown>): Promise<SubjectFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SubjectFailure) return e;
    throw e;
  }
  throw new Error('expected a SubjectFailure');
}

describe('SubjectProcess', () => {
  it('answers line by line in order, across chunk boundaries, and exits when stdin closes', async () => {
    const sp = new SubjectProcess(node(`let b='';process.stdin.on('data',d=>{b+=d;let i;while((i=b.indexOf('\\n'))>=0){const l=b.slice(0,i);b=b.slice(i+1);process.stdout.write(l.slice(0,3));setTimeout(()=>process.stdout.write(l.slice(3)+'\\n'),20);}});`));
    expect(await sp.request('{"a":1}', limits())).toBe('{"a":1}');
    expect(await sp.request('{"b":2}', limits())).toBe('{"b":2}');
    await sp.close();
    expect(alive(sp.pid!)).toBe(false);
  });

  it('a hang past the time limit is killed with its whole process group', async () => {
    // The shell starts a child that starts a grandchild; all must go.
    const sp = new SubjectProcess(`${node("require('child_process').spawn('sleep',['60'],{stdio:'ignore'}); setInterval(()=>{},1000)")}`);
    const t0 = Date.now();
    const f = await failureOf(sp.request('{"id":1}', limits(500)));
    expect(f.kind).toBe('timeout');
    expect(f.message).toMatch(/did not answer request 1 \(hessian\) within 0\.5 s; it was killed/);
    expect(Date.now() - t0).toBeLessThan(5000);
    await sp.exited;
    await new Promise((r) => setTimeout(r, 200));
    expect(liveInGroup(sp.pid!)).toBe(0);
  });

  it('a crash names the exit code and the end of stderr', async () => {
    const sp = new SubjectProcess(node("process.stdin.on('data',()=>{console.error('boom: bad things');process.exit(7)})"));
    const f = await failureOf(sp.request('{}', limits()));
    expect(f.kind).toBe('crash');
    expect(f.message).toMatch(/exited with code 7 while request 1 \(hessian\) was open; its stderr ends: boom: bad things/);
  });

  it('output when no request is open (a banner) is a protocol failure, reported at the next request', async () => {
    const sp = new SubjectProcess(node("console.log('Loading...'); setTimeout(()=>console.error('ready'),100); setInterval(()=>{},1000)"));
    for (let i = 0; i < 200 && !sp.stderrSummary().includes('ready'); i++) await new Promise((r) => setTimeout(r, 50));
    const f = await failureOf(sp.request('{}', limits()));
    expect(f.kind).toBe('protocol');
    expect(f.message).toMatch(/wrote .* when no request was open \(before any request\): "Loading\.\.\."/);
    await sp.exited;
  });

  it('a banner that races the first request is still a protocol failure of describe', async () => {
    const f = await failureOf(SubjectSession.open(node("console.log('Loading...'); process.stdin.on('data',()=>console.log(JSON.stringify({id:0,name:'x',dtype:'float64',ops:[],families:[],activations:[]})))"), { startupMs: 5000, requestMs: 5000 }));
    expect(f.kind).toBe('protocol');
    expect(f.message).toMatch(/"Loading\.\.\."/);
  });

  it('a line past the byte limit is cut off as soon as the limit is passed', async () => {
    const sp = new SubjectProcess(node("process.stdin.on('data',()=>{const s='9'.repeat(65536);const w=()=>{while(process.stdout.write(s)){}};w();process.stdout.on('drain',w);})"));
    const f = await failureOf(sp.request('{}', limits(10_000, 100_000)));
    expect(f.kind).toBe('oversize');
    expect(f.message).toMatch(/passed 100000 bytes without ending its line/);
    await sp.exited;
  });

  it('a command the shell cannot find is "not-found"', async () => {
    const sp = new SubjectProcess('no-such-command-hc-test --flag');
    const f = await failureOf(sp.request('{}', limits()));
    expect(f.kind).toBe('not-found');
    expect(f.message).toMatch(/was not found by the shell \(exit 127\)/);
  });

  it('stderr noise is drained and ignored; a request after the subject exited fails at once', async () => {
    const sp = new SubjectProcess(node("process.stdin.once('data',()=>{for(let i=0;i<2000;i++)console.error('noise '.repeat(50));console.log('{}');setTimeout(()=>process.exit(0),50)})"));
    expect(await sp.request('{}', limits())).toBe('{}');
    await sp.exited;
    const f = await failureOf(sp.request('{}', limits()));
    expect(f.kind).toBe('crash');
    expect(f.message).toMatch(/exited with code 0 while request 1 \(hessian\) was open; its stderr ends: ….*noise/);
  });

  it('a subject that ignores the end of stdin is signalled on close', async () => {
    const sp = new SubjectProcess(node("process.on('SIGTERM',()=>{}); setInterval(()=>{},1000)"));
    const t0 = Date.now();
    await sp.close();
    expect(alive(sp.pid!)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});
