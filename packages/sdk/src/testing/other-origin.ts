// Browser-suite helper: runs one SDK call in an iframe on http://127.0.0.1:PORT, an origin the
// test council does not allow (it allows this page's, http://localhost:PORT), through
// call-frame.html, and resolves with what the frame posts back.

export interface FrameResult {
  ok: boolean;
  /** What the call resolved to, when `ok`. */
  data?: unknown;
  name?: string;
  blocked?: boolean;
  csp?: boolean;
  status?: number;
  message?: string;
}

let frames = 0;

export async function callFromOtherOrigin(env: { apiUrl: string }, call: Call, council: string): Promise<FrameResult> {
  const url = frameUrl(env, call, council);
  url.hostname = '127.0.0.1';
  if (url.origin === location.origin) throw new Error('the frame must run on another origin than the test page');
  return inFrame(url);
}

/**
 * The same call from a frame on this page's origin (one the test council allows) whose own
 * Content Security Policy is `policy`: the policy stays in the frame, not on the test page.
 */
export function callUnderPolicy(env: { apiUrl: string }, call: Call, council: string, policy: string): Promise<FrameResult> {
  const url = frameUrl(env, call, council);
  url.searchParams.set('csp', policy);
  return inFrame(url);
}

type Call = 'getCouncil' | 'createFeedback' | 'outbox' | 'councilAfterReport';

function frameUrl(env: { apiUrl: string }, call: Call, council: string): URL {
  const url = new URL('/packages/sdk/src/testing/call-frame.html', location.href);
  url.search = new URLSearchParams({ api: env.apiUrl, council, call, id: `${Date.now()}-${frames++}` }).toString();
  return url;
}

async function inFrame(url: URL): Promise<FrameResult> {
  const id = url.searchParams.get('id');
  const frame = document.createElement('iframe');
  const result = new Promise<FrameResult>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.data?.id !== id) return;
      window.removeEventListener('message', onMessage);
      resolve(event.data as FrameResult);
    };
    window.addEventListener('message', onMessage);
  });
  frame.src = url.href;
  document.body.append(frame);
  try {
    return await result;
  } finally {
    frame.remove();
  }
}
