// src/core/tsconfig.json maps `vscode` here. This file is not a module on purpose: importing vscode
// from src/core fails the type-check with "is not a module" (TS2306).
declare const vscodeIsNotAvailableInSrcCore: never;
