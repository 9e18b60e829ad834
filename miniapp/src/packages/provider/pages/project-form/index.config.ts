export default definePageConfig({ navigationBarTitleText: '申报服务项目' });
