import { createContext, type ReactNode, useContext } from "react";

const NonceContext = createContext("");

/** Gives the page's script nonce to <Scripts> and friends; empty in the browser, which hides it. */
export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>;
}

/** This response's script nonce while rendering on the server; "" in the browser. */
export function useNonce(): string {
  return useContext(NonceContext);
}
