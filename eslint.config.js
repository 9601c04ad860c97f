import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: Object.fromEntries(
        [
          'process', 'console', 'URL', 'URLSearchParams', 'Buffer', 'fetch', 'AbortController', 'AbortSignal',
          'TextEncoder', 'TextDecoder', 'performance', 'setTimeout', 'clearTimeout', 'setInterval',
          'clearInterval', 'setImmediate', 'queueMicrotask', 'structuredClone'
        ].map((name) => [name, 'readonly'])
      )
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
    }
  }
)
