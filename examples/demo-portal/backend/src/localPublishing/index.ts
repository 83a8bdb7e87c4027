export { localPublishingModules } from './modules';
export { LocalPublishingTemplateProcessor } from './LocalPublishingTemplateProcessor';
export {
  createPublishLocalAction,
  PUBLISH_LOCAL_ACTION_ID,
} from './publishLocalAction';
export {
  createRegisterFileAction,
  REGISTER_FILE_ACTION_ID,
} from './registerFileAction';
