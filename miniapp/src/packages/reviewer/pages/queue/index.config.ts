export default definePageConfig({ navigationBarTitleText: '待审核的项目' });
