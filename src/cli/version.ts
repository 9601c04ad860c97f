/** The CLI's version: package.json's (a test keeps them equal; a constant keeps the bundle free of package.json). */
export const VERSION = '1.0.0'
