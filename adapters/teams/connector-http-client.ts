import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type ConnectorClientOptions = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]>;
type ConnectorHttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type ConnectorRequest = Parameters<ConnectorHttpClient['sendRequest']>[0];
type ConnectorResponse = Awaited<ReturnType<ConnectorHttpClient['sendRequest']>>;

/**
 * The HTTP client of every Connector call, over `fetch`, with a deadline: the SDK's own has none (and
 * the Connector factory replaces any request policy given to it), so a hung Connector would hold a
 * turn, and a shutdown, for ever. A call past the deadline fails with a `TimeoutError`, which the
 * SDK's retry policy does not retry; 5xx answers and unreachable Connectors are still retried by it.
 */
export function createConnectorHttpClient(timeoutMs: number): ConnectorHttpClient {
  return {
    async sendRequest(request: ConnectorRequest): Promise<ConnectorResponse> {
      const deadline = AbortSignal.timeout(request.timeout > 0 ? Math.min(request.timeout, timeoutMs) : timeoutMs);
      const signal = request.abortSignal ? AbortSignal.any([deadline, request.abortSignal as AbortSignal]) : deadline;
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: request.method,
          headers: request.headers.toJson(),
          ...(request.body === undefined || request.body === null ? {} : { body: request.body as string }),
          signal,
        });
      } catch (error) {
        if ((error as Error)?.name === 'TimeoutError' || (error as Error)?.name === 'AbortError') throw error;
        // Not reached (refused, reset, DNS): the SDK's retry policy retries a RestError of this code.
        throw Object.assign(new Error('the Bot Connector could not be reached'), { name: 'RestError', code: 'REQUEST_SEND_ERROR' });
      }
      const bodyAsText = await response.text();
      const headers = Object.fromEntries(response.headers.entries());
      return {
        request,
        status: response.status,
        headers: {
          get: (name: string) => headers[name.toLowerCase()],
          toJson: () => headers,
        } as unknown as ConnectorResponse['headers'],
        bodyAsText,
      };
    },
  };
}
