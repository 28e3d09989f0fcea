// Browser-suite helper: runs one SDK call in an iframe on http://127.0.0.1:PORT, an origin the
// test council does not allow (it allows this page's, http://localhost:PORT), through
// call-frame.html, and resolves with what the frame posts back.

export interface FrameResult {
  ok: boolean;
  /** What the call resolved to, when `ok`. */
  data?: unknown;
  name?: string;
  blocked?: boolean;
  status?: number;
  message?: string;
}

let frames = 0;

export async function callFromOtherOrigin(env: { apiUrl: string }, call: 'getCouncil' | 'createFeedback' | 'outbox', council: string): Promise<FrameResult> {
  const id = `${Date.now()}-${frames++}`;
  const url = new URL('/packages/sdk/src/testing/call-frame.html', location.href);
  url.hostname = '127.0.0.1';
  url.search = new URLSearchParams({ api: env.apiUrl, council, call, id }).toString();
  if (url.origin === location.origin) throw new Error('the frame must run on another origin than the test page');
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
