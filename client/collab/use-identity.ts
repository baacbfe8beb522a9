import { useCallback, useState } from "react";
import { type Identity, loadIdentity, saveIdentity } from "./identity.ts";

/** This browser's name and colour, remembered across visits. */
export function useIdentity(): [Identity, (next: Identity) => void] {
  const [identity, setIdentity] = useState(loadIdentity);
  const update = useCallback((next: Identity) => {
    saveIdentity(next);
    setIdentity(next);
  }, []);
  return [identity, update];
}
