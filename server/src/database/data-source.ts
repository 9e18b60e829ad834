import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (migration:generate / migration:run): reads the same env as the server. */
export default new DataSource(dataSourceOptions(loadConfig().database));
