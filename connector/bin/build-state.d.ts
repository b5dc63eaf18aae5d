export declare const CONNECTOR_DIR: string;
export declare function buildIsCurrent(): boolean;
