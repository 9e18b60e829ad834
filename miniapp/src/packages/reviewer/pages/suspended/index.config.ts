export default definePageConfig({ navigationBarTitleText: '已暂停的项目' });
