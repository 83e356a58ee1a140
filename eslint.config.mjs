// Lint rules and the layering of the project (README, "Architecture"). `npm run lint` runs this and Prettier.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';

const HOSTING = ['botbuilder', 'botbuilder-*', 'botframework-*', 'restify', 'restify-*', 'nodemailer', 'busboy', 'pino'];

/** Zones of `import/no-restricted-paths`: who may import whom inside the project. */
const zones = [
  {
    target: './core/domain',
    from: '.',
    except: ['./core/domain', './node_modules'],
    message: 'The domain imports nothing of the project.',
  },
  {
    target: './core',
    from: ['./bot', './dialogs', './prisma', './nlu'],
    message: 'Use cases compose ports and copy; they never import hosting, dialogs, the store or the NLU.',
  },
  {
    target: './catalog',
    from: '.',
    except: ['./catalog', './core/domain', './node_modules'],
    message: 'The catalog holds copy only: it imports nothing but the domain.',
  },
  {
    target: './nlu',
    from: '.',
    except: ['./nlu', './core/domain', './node_modules'],
    message: 'The NLU imports only the domain.',
  },
  {
    target: './prisma',
    from: ['./dialogs', './bot', './catalog', './nlu'],
    message: 'The store returns rows and views: no dialogs, no hosting, no copy.',
  },
  {
    target: './dialogs',
    from: ['./bot', './prisma'],
    message: 'Dialogs depend on ports and use cases, never on hosting or the store.',
  },
  {
    target: './simulators',
    from: '.',
    except: ['./simulators', './node_modules'],
    message: 'The simulators play Meta and Microsoft: they speak HTTP to the bot and import nothing of it.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'prisma/generated/**', 'coverage/**', 'data/**', 'bot/web/**/*.js'] },
  // The generated PostgreSQL client (npm run db:pg:client).
  { ignores: ['prisma/postgresql/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { import: importPlugin },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.test.json' }, node: true },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import/no-restricted-paths': ['error', { zones }],
      'import/no-cycle': 'off',
      'import/no-duplicates': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['core/**/*.ts', 'nlu/**/*.ts', 'prisma/**/*.ts', 'catalog/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: HOSTING, message: 'Keep this layer free of hosting.' }] }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
