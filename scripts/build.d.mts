export declare const PACKAGE_ROOT: string;
export declare const DIST_DIR: string;
export declare class BuildError extends Error {}
/** Why dist/ needs a build, or undefined when it is up to date. */
export declare function staleReason(): string | undefined;
/** Builds dist/ unless it is up to date; throws BuildError when the sources do not compile. */
export declare function ensureBuilt(options?: { log?: (line: string) => void }): Promise<void>;
